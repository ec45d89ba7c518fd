/** A done mark as teams and Mark complete write them: `✅ 2025-03-10` (the date captured), `✅`, `✔`, `☑`, `✓`. */
export const DONE_MARK_SOURCE = String.raw`✅\s*(\d{4}-\d{2}-\d{2})?|(?:✔️?|☑️?|✓)`;
