import type { Attendee, PersonRef } from '../model';
import { normalizeName } from '../text/plain';

/**
 * Tasks indexed by meeting, owner and term, so that for one task the others that may be the same
 * work (same meeting, agreeing owners, enough shared terms: see `sameWork`) are found without
 * comparing every pair: long notes have thousands of cues and entries, often about the same few
 * systems and people.
 */
export class TaskIndex {
  /** Per meeting, per owner (an attendee, a written name, or nobody): term → task indices. */
  private readonly groups = new Map<number, Map<Attendee | string, { owner: PersonRef | null; byTerm: Map<string, number[]> }>>();
  private readonly counts: Int32Array;

  constructor(
    private readonly terms: Array<Set<string>>,
    owners: Array<PersonRef | null>,
    meetings: number[],
    include: (index: number) => boolean = () => true,
  ) {
    this.counts = new Int32Array(terms.length);
    terms.forEach((taskTerms, index) => {
      if (!include(index)) return;
      const owner = owners[index];
      let groups = this.groups.get(meetings[index]);
      if (!groups) this.groups.set(meetings[index], (groups = new Map()));
      // Owners that agree with the same people: one attendee, one written name, or nobody.
      const key = owner ? owner.attendee ?? normalizeName(owner.name) : '';
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { owner, byTerm: new Map() }));
      for (const term of taskTerms) {
        const list = group.byTerm.get(term);
        if (list) list.push(index);
        else group.byTerm.set(term, [index]);
      }
    });
  }

  /**
   * Indices (ascending) of the tasks in `meeting` whose owner `agrees` with the given one and that
   * share two terms with `taskTerms`, or one when either has only one term.
   */
  candidates(taskTerms: Set<string>, meeting: number, agrees: (owner: PersonRef | null) => boolean): number[] {
    const touched: number[] = [];
    for (const group of this.groups.get(meeting)?.values() ?? []) {
      if (!agrees(group.owner)) continue;
      for (const term of taskTerms) {
        for (const index of group.byTerm.get(term) ?? []) if (this.counts[index]++ === 0) touched.push(index);
      }
    }
    const found = touched.filter((index) => this.counts[index] >= 2 || taskTerms.size === 1 || this.terms[index].size === 1);
    for (const index of touched) this.counts[index] = 0;
    return found.sort((a, b) => a - b);
  }

  /** Indices (ascending) of the tasks in `meeting` that have an owner who `agrees` with the given one, whatever their words. */
  owned(meeting: number, agrees: (owner: PersonRef | null) => boolean): number[] {
    const found: number[] = [];
    for (const group of this.groups.get(meeting)?.values() ?? []) {
      if (!group.owner || !agrees(group.owner)) continue;
      for (const list of group.byTerm.values()) found.push(...list);
    }
    return [...new Set(found)].sort((a, b) => a - b);
  }
}
