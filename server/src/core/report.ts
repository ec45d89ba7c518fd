// The JSON report of the command line (docs/cli-json.md): other tools read it, so fields keep
// their names and meaning. Lines and columns are 1-based.
import type { ActionItem, Decision, Meeting, NotesDiagnostic, NotesModel, Severity } from './model';
import type { SeriesIndex } from './series';

export interface ReportFile {
  path: string;
  meetings: Array<{ title: string; date: string | null; line: number; attendees: Array<{ name: string; role: string | null }> }>;
  actionItems: ReportItem[];
  decisions: Array<{ line: number; text: string; source: 'summary' | 'transcript'; mentions: number[]; meeting: number }>;
  diagnostics: ReportDiagnostic[];
}

export interface ReportItem {
  id: string;
  line: number;
  owner: string | null;
  task: string;
  due: { text: string; date: string | null; vague: boolean } | null;
  status: 'open' | 'done';
  kind: 'action' | 'commitment';
  source: 'summary' | 'transcript';
  mentions: number[];
  linked: string[];
  /** Index into `meetings`. */
  meeting: number;
  doneDate: string | null;
}

export interface ReportDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export function reportFile(path: string, model: NotesModel, diagnostics: NotesDiagnostic[]): ReportFile {
  const lineOf = (offset: number) => model.lines.positionAt(offset).line + 1;
  return {
    path,
    meetings: model.meetings.map((m: Meeting) => ({
      title: m.title,
      date: m.date,
      line: m.line + 1,
      attendees: m.attendees.map((a) => ({ name: a.name, role: a.role })),
    })),
    actionItems: model.items.map((item) => reportItem(item, lineOf)),
    decisions: model.decisions.map((d: Decision) => ({
      line: lineOf(d.span.start),
      text: d.text,
      source: d.source,
      mentions: d.mentions.map((c) => lineOf(c.span.start)),
      meeting: d.meeting,
    })),
    diagnostics: diagnostics.map((d) => {
      const range = model.lines.rangeOf(d.span);
      return {
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      };
    }),
  };
}

export function reportItem(item: ActionItem, lineOf: (offset: number) => number): ReportItem {
  return {
    id: item.id,
    line: lineOf(item.span.start),
    owner: item.owner?.name ?? null,
    task: item.task,
    due: item.due ? { text: item.due.text, date: item.due.date, vague: item.due.vague } : null,
    status: item.status,
    kind: item.kind,
    source: item.source,
    mentions: item.mentions.map((c) => lineOf(c.span.start)),
    linked: [...item.linked],
    meeting: item.meeting,
    doneDate: item.doneDate,
  };
}

/** A meeting series in the report: its meetings in date order and each piece of work followed through them. */
export interface ReportSeries {
  title: string;
  meetings: Array<{ path: string; meeting: number; date: string; statusList: boolean }>;
  /** Each piece of work: its entries in date order (the last one tells how the work stands). */
  work: Array<Array<{ path: string; id: string; line: number; status: 'open' | 'done' }>>;
}

export function reportSeries(index: SeriesIndex, modelOf: (path: string) => NotesModel | undefined): ReportSeries[] {
  const lineOf = (path: string, id: string) => {
    const model = modelOf(path);
    const item = model?.items.find((i) => i.id === id);
    return model && item ? model.lines.positionAt(item.span.start).line + 1 : 0;
  };
  return index.series.map((series) => ({
    title: series.title,
    meetings: series.meetings.map((m) => ({ path: m.file, meeting: m.meeting, date: m.date, statusList: m.hasStatusList })),
    work: series.threads.map((thread) => thread.entries.map((e) => ({ path: e.file, id: e.itemId, line: lineOf(e.file, e.itemId), status: e.status }))),
  }));
}
