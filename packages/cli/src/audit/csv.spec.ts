import { toCsv } from './csv';

describe('CSV as RFC 4180 writes it', () => {
  it('given plain fields, when written, then they are joined by commas and each record ends with CRLF, header first', () => {
    expect(toCsv({ header: ['when', 'what'], rows: [['2026-11-28T09:00:00.000Z', 'DeviceEnrolled']] })).toBe(
      'when,what\r\n2026-11-28T09:00:00.000Z,DeviceEnrolled\r\n',
    );
  });

  it('given fields with a comma, a double quote, CR or LF, when written, then each is quoted and its quotes doubled', () => {
    const csv = toCsv({ header: ['a', 'b', 'c', 'd'], rows: [['iPad, Jordan\'s', 'the "work" phone', 'two\nlines', 'cr\rhere']] });
    expect(csv).toBe('a,b,c,d\r\n"iPad, Jordan\'s","the ""work"" phone","two\nlines","cr\rhere"\r\n');
  });

  it('given empty fields and no rows, when written, then empty fields stay empty and the header stands alone', () => {
    expect(toCsv({ header: ['a', 'b'], rows: [['', 'x']] })).toBe('a,b\r\n,x\r\n');
    expect(toCsv({ header: ['a', 'b'], rows: [] })).toBe('a,b\r\n');
  });

  it('given fields a spreadsheet would run as formulas, when written, then each starts with a quote mark and is kept as text', () => {
    const csv = toCsv({ header: ['name'], rows: [['=HYPERLINK("http://x","y")'], ['+1'], ['-2'], ['@SUM(A1)'], ['\tTab'], ['plain=ok']] });
    expect(csv).toBe('name\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n\'\tTab\r\nplain=ok\r\n');
  });

  it('given a row with fewer fields than the header, when written, then it is refused naming the row', () => {
    expect(() => toCsv({ header: ['a', 'b'], rows: [['1', '2'], ['3']] })).toThrow('CSV row 2 has 1 fields, the header 2');
  });
});
