import { REPORT_TABLES, toCsv } from './report-csv';

describe(toCsv.name, () => {
  it('writes a header row and CRLF lines, and quotes as RFC 4180 says', () => {
    const csv = toCsv({
      columns: ['name', 'count', 'share'],
      rows: [
        ['plain', 3, 12.5],
        ['with, comma', 0, null],
        ['with "quotes"', 1, 100],
        ['two\nlines', -2, 0.1],
      ],
    });
    expect(csv).toBe(
      'name,count,share\r\n' +
        'plain,3,12.5\r\n' +
        '"with, comma",0,\r\n' +
        '"with ""quotes""",1,100\r\n' +
        '"two\nlines",-2,0.1\r\n',
    );
  });

  it('keeps a spreadsheet from running text as a formula, but not numbers', () => {
    const csv = toCsv({ columns: ['team', 'n'], rows: [['=HYPERLINK("x")', -1]] });
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",-1`);
  });

  it('puts the totals of a per-municipality report in the last row', () => {
    const figures = {
      trajectories: 2,
      meanDays: 20.5,
      medianDays: 20.5,
      p90Days: 29.3,
      maxDays: 31,
      overEightWeeks: 0,
    };
    const table = REPORT_TABLES['waiting-times']({
      rows: [{ municipalityCode: '0957', municipalityName: 'Roermond', ...figures }],
      total: figures,
    });
    expect(toCsv(table).split('\r\n')).toEqual([
      'municipalityCode,municipalityName,trajectories,meanDays,medianDays,p90Days,maxDays,overEightWeeks',
      '0957,Roermond,2,20.5,20.5,29.3,31,0',
      'total,,2,20.5,20.5,29.3,31,0',
      '',
    ]);
  });
});
