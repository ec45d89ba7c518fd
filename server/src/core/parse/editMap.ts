// micromark keeps a document's tokens in one array and applies batches of splices to it with
// `EditMap.consume`. That method copies, and pushes back, every token before the first splice,
// and micromark calls it each time a list item or block quote that holds other blocks ends: a
// list of 10,000 items with sub-bullets took minutes (quadratic). The same splices are applied here
// to the tail only; the result is the same array (checked by a property test against the original).
import { EditMap } from 'micromark-util-edit-map';
type Event = Parameters<EditMap['consume']>[0][number];

export const originalConsume = EditMap.prototype.consume;

function consumeTail(this: EditMap, events: Event[]): undefined {
  if (this.map.length === 0) return;
  this.map.sort((a, b) => a[0] - b[0]);
  // events[..first], add₀, events[first + remove₀..index₁], add₁, …, events[last + removeₙ..]
  const rebuilt: Event[] = [];
  let from = -1;
  for (const [index, remove, add] of this.map) {
    if (from >= 0) for (let i = from; i < index && i < events.length; i++) rebuilt.push(events[i]);
    for (const event of add) rebuilt.push(event);
    from = index + remove;
  }
  for (let i = from; i < events.length; i++) rebuilt.push(events[i]);
  events.length = this.map[0][0];
  for (const event of rebuilt) events.push(event);
  this.map.length = 0;
  this.index.clear();
  return undefined;
}

/** Switches between the linear splice (the default) and micromark's own, for tests. */
export function useLinearEditMap(linear: boolean): void {
  EditMap.prototype.consume = linear ? consumeTail : originalConsume;
}

useLinearEditMap(true);
