/**
 * Access notes for the crew, as the customer wrote them: "back alley", "buzzer broken", "call when here",
 * "gate code 1234", "it's in the garage", "2nd floor no elevator", and in Spanish "por el callejón", "llámame
 * cuando lleguen", "código del portón 4321", "segundo piso sin elevador", "está en la cochera". Each note is the
 * customer's own words (whitespace collapsed); notes side by side ("2nd floor no elevator") are one note; a comma or "and" parts them.
 * Run on folded text with the address blanked; the spans are the same in the original (fold keeps composed
 * letters' positions), so the note is cut from the text as written.
 */

const NOTES = new RegExp(
  [
    // Where to go.
    String.raw`(?:(?:use|through|in|from|via|down) )?(?:the )?(?:back|rear) (?:alley|door|gate|entrance|yard)|(?:(?:use|through|in|from|via) )?the alley|alley access|side (?:door|gate|entrance)`,
    String.raw`(?:(?:it'?s|its|they'?re|theyre|stuff is|everything is|all) )?(?:in|inside) (?:the|my|our) (?:garage|basement|attic|shed|backyard|back yard|carport|storage unit|storage)`,
    String.raw`(?:buzzer|doorbell|bell|intercom)(?: is)? (?:broken|(?:doesn'?t|does not|dont) work|not working|out)`,
    String.raw`(?:please )?(?:call|text)(?: me| us)? (?:when|once|before|if) (?:you'?re |you are |u r |ur |youre |the crew is |you )?(?:here|there|close|outside|on the way|arrive|arriving|get here|get there|coming|nearby|pulling up)`,
    String.raw`(?:gate|door|lockbox|lock box|access|entry|building|garage|alarm) code(?: is)?:? ?#?\w+|code (?:is|for the (?:gate|door)) ?#?\w+`,
    String.raw`(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|top) (?:floor|fl)\b|(?:no|without) (?:elevator|lift)|walk-?up|(?:\d|one|two|three) flights? (?:of stairs|up)|up (?:the |a flight of )?stairs|(?:lots of|many) stairs`,
    String.raw`(?:beware of|big|friendly|watch (?:out )?for)(?: the)? dogs?|dogs? in (?:the )?(?:yard|back)`,
    String.raw`park (?:in|on) (?:the )?(?:driveway|street|alley|back|front)|(?:no|limited) parking`,
    String.raw`ring (?:the )?(?:bell|doorbell)|knock (?:on|at) (?:the )?(?:back|side|front) door`,
    // Spanish (folded: no accents).
    String.raw`(?:por|en) el callejon|(?:por|en) (?:la )?(?:parte de )?(?:atras|detras)|(?:puerta|entrada|porton|reja) (?:de atras|trasera|lateral)`,
    String.raw`(?:esta|estan|todo esta) en (?:la|el) (?:cochera|garaje|garage|sotano|patio|bodega|atico)`,
    String.raw`(?:timbre|interfon)(?: no sirve| no funciona| roto| descompuesto| esta roto| esta descompuesto)`,
    String.raw`(?:llamame|llameme|llamenme|marcame|llamar|textear|mandame (?:un )?mensaje|avisame|avisenme) (?:cuando|al) (?:lleguen|llegue|llegar|esten (?:aqui|afuera|cerca))`,
    String.raw`codigo(?: (?:de|del) (?:la |el )?(?:puerta|porton|reja|entrada|edificio))?(?: es)?:? ?#?\d+`,
    String.raw`(?:primer|segundo|tercer|cuarto|quinto|\d{1,2}(?:o|ro|do|er|to)?) piso|(?:sin|no hay) (?:elevador|ascensor)|(?:muchas )?escaleras`,
    String.raw`(?:cuidado con el|hay un) perro|perro bravo`,
  ].join('|'),
  'g',
);

/** Words every note contains one of: most texts have none, and skip the long pattern. */
const HINT =
  /alley|door|gate|entrance|yard|garage|basement|attic|shed|carport|storage|buzzer|bell|intercom|call|text|code|floor|\bfl\b|elevator|lift|walk|stair|flight|dog|park|knock|callejon|atras|detras|porton|reja|cochera|garaje|sotano|patio|bodega|timbre|interfon|llam|marca|avis|piso|ascensor|escalera|perro/;

/**
 * @example accessNotes("2nd floor no elevator, gate code 1234") // ['2nd floor no elevator', 'gate code 1234']
 */
export function accessNotes(folded: string, original: string): string[] {
  if (!HINT.test(folded)) return [];
  const spans: Array<[number, number]> = [];
  for (const m of folded.matchAll(NOTES)) {
    const start = m.index;
    const end = start + m[0].length;
    const last = spans[spans.length - 1];
    if (last && /^\s*$/.test(folded.slice(last[1], start))) last[1] = end;
    else spans.push([start, end]);
  }
  const notes = spans.map(([s, e]) => original.slice(s, e).replace(/\s+/g, ' ').trim());
  return [...new Set(notes)];
}
