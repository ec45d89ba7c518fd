import { type Rule, message } from './rule';

export const uncapturedDecision: Rule = {
  code: 'uncaptured-decision',
  defaultSeverity: 'information',
  check(model) {
    // Only where the notes have a summary: a bare transcript is not expected to list its decisions.
    const summarised = new Set(model.sections.map((s) => s.meeting));
    return model.decisions
      .filter((d) => d.source === 'transcript' && summarised.has(d.meeting))
      .map((d) => ({
        message: message(sayUnrecordedDecision, d.text),
        span: d.span,
        data: { decisionId: d.id },
      }));
  },
};

function sayUnrecordedDecision(text: string): string {
  return `Decision "${text}" is not recorded in the summary's decisions`;
}
