import { analyze, notes } from './helpers/notes';
const lines = process.argv[2].split('|');
const model = analyze(notes('# Platform weekly', '', 'Date: 2025-03-10', 'Attendees: Sofia Marin (EM), Raj Patel, Lena Fischer', '', '## Action items', '', ...lines));
for (const i of model.items) console.log(`${i.owner?.name ?? '—'} | ${i.task} | ${i.due ? `${i.due.text}=${i.due.date ?? 'vague'}` : '-'} | ${i.status}`);
