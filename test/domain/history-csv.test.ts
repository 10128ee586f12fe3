import { describe, expect, it } from 'vitest';
import { csvCell, monthCsv } from '../../domain/history-csv';
import { matchesQuery } from '../../domain/history-search';
import { JobSchema } from '../../domain/jobs-document';

const job = JobSchema.parse({
  id: 'job_1', code: 'K7Q2', token: 'tok_job_1_xxxxxxxxxxxxxxxxxxxx', customer: { phone: '+15555550123', name: '=HYPERLINK("http://evil")' },
  location: '12 Oak St, Apt "B"', window: null, status: 'completed', priceCents: 45000, notes: 'line one\nline two',
  closedAt: '2026-05-04T18:00:00.000Z', createdAt: '2026-05-04T14:30:00.000Z', updatedAt: '2026-05-04T18:00:00.000Z',
});

describe('a CSV cell', () => {
  it.each([
    ['plain', 'plain'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+15555550123', "'+15555550123"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTab', "'\tTab"],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1,"2"', `"'=1,""2"""`],
  ])('%j is written %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('makes a month file with a header and one defused, quoted row per job', () => {
    const lines = monthCsv([job]).split('\r\n');
    expect(lines[0]).toBe('code,status,customer name,customer phone,address,window start,window end,price,items,notes,driver,first mate,supervisor,photos,messages,booked at,closed at');
    expect(lines[1]).toBe(
      `K7Q2,All done,"'=HYPERLINK(""http://evil"")",'+15555550123,"12 Oak St, Apt ""B""",,,450.00,,"line one\nline two",,,,0,0,2026-05-04T14:30:00.000Z,2026-05-04T18:00:00.000Z`,
    );
    expect(lines[2]).toBe('');
  });
});

describe('the History search', () => {
  it.each([
    ['k7q2', true],
    ['K7', true],
    ['K8', false],
    ['555-0123', true],
    ['(555) 555 0123', true],
    ['0124', false],
    ['oak st', true],
    ['apt', true],
    ['elm', false],
    ['', true],
  ])('%j matches = %s', (query, expected) => {
    expect(matchesQuery(job, query)).toBe(expected);
  });
});
