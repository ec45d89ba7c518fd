import { type FlatDocument, type Unit, unitEnd, unitStart } from '../parse/blocks';
import { type MeetingRegion, findMeetings } from './meetings';
import { spliceReading } from './splice';
import { readCues } from './statementCues';
import { type MeetingContent, walkMeeting } from './walk';

/** What a document's units say, meeting by meeting, before items are linked: kept to read the next version from. */
export interface DocumentReading {
  text: string;
  units: Unit[];
  fileName: string | undefined;
  regions: MeetingRegion[];
  /** Per region; its statements' cues are read. */
  contents: MeetingContent[];
  /** For a reading patched from the previous one: its unit places, and how many units before and after the edit kept theirs (moved by `delta`). */
  patchedFrom?: { places: KeptReading['places']; before: number; after: number; delta: number };
}

/** A reading kept to patch the next version's from, with where each unit started and ended (the block reader moves unit objects on). */
export interface KeptReading extends DocumentReading {
  places: { starts: Int32Array; ends: Int32Array };
}

/** How many readings were made from the previous version's (of them, how many walked a section only between two of its items) and how many in full (for tests and the benchmark). */
export const readingCounts = { spliced: 0, withinSection: 0, full: 0 };

/** Reads a document's meetings, sections, entries, statements and cues; from the previous version's reading when it can. */
export function readDocument(
  text: string,
  flat: FlatDocument,
  fileName: string | undefined,
  lineOf: (offset: number) => number,
  previous?: KeptReading,
): DocumentReading {
  const spliced = previous && spliceReading(previous, text, flat, fileName, lineOf);
  if (spliced) {
    readingCounts.spliced++;
    return spliced;
  }
  readingCounts.full++;
  const regions = findMeetings(flat, text, fileName, lineOf);
  const contents = regions.map((region) => {
    const content = walkMeeting(flat.units, region, text);
    readCues(content.statements, region.meeting.date, region.roster);
    return content;
  });
  return { text, units: flat.units, fileName, regions, contents };
}

/** The reading, to be kept for the next version's (without what it was patched from). */
export function kept(reading: DocumentReading): KeptReading {
  const { patchedFrom, ...rest } = reading;
  return { ...rest, places: placesOf(reading.units, patchedFrom) };
}

/** Where each unit starts and ends; those before and after an edit taken from the previous places (a long document has tens of thousands of units). */
function placesOf(units: Unit[], patchedFrom?: DocumentReading['patchedFrom']): KeptReading['places'] {
  const starts = new Int32Array(units.length);
  const ends = new Int32Array(units.length);
  let from = 0;
  let to = units.length;
  if (patchedFrom) {
    const { places, before, after, delta } = patchedFrom;
    const old = places.starts.length;
    starts.set(places.starts.subarray(0, before));
    ends.set(places.ends.subarray(0, before));
    for (let i = 0; i < after; i++) {
      starts[units.length - after + i] = places.starts[old - after + i] + delta;
      ends[units.length - after + i] = places.ends[old - after + i] + delta;
    }
    from = before;
    to = units.length - after;
  }
  for (let i = from; i < to; i++) {
    starts[i] = unitStart(units[i]);
    ends[i] = unitEnd(units[i]);
  }
  return { starts, ends };
}
