import type { OwnerForm } from '../model';

/** The name as the section writes owners: `Mike`, or `@mike` where it writes handles. */
export function ownerAsWritten(form: OwnerForm, name: string): string {
  return form.handle ? `@${name.replace(/\s+/g, '').toLowerCase()}` : name;
}

/** The owner with the words the section writes around it: `Mike: `, `**Mike:** `, ` (Mike)`. */
export function ownerPart(form: OwnerForm, name: string): string {
  return `${form.before}${ownerAsWritten(form, name)}${form.after}`;
}

/** `Wei to split…`, `Ana will draft…`: the owner is followed by a verb, so the task reads on in lower case. */
export function ownerTakesVerb(form: OwnerForm): boolean {
  return form.place === 'start' && /\p{L}/u.test(form.after) && !/[:*_]/.test(form.after);
}

/** `Patch the hosts` → `patch the hosts` after `Tom to `; `API docs` and `iOS build` stay as they are. */
export function taskAfterVerb(task: string): string {
  return /^\p{Lu}\p{Ll}*(?![\p{L}\p{N}])/u.test(task) && !/^I(?![\p{L}])/u.test(task) ? task[0].toLowerCase() + task.slice(1) : task;
}

/** An entry's words with its owner written as the section writes owners. */
export function withOwner(form: OwnerForm, name: string | null, task: string, due: string): string {
  if (!name) return `${task}${due}`;
  if (form.place === 'end') return `${task}${due}${ownerPart(form, name)}`;
  return `${ownerPart(form, name)}${ownerTakesVerb(form) ? taskAfterVerb(task) : task}${due}`;
}
