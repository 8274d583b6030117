// Line protocol, with cases ported from InfluxDB (main-2.x) models/points_test.go: what it refuses, in its
// words, and what it reads.
import { describe, expect, it } from 'vitest';
import { parseLineProtocol, type ParsedPoint } from './line-protocol';

const NOW = 1_700_000_000_123_456_789n;
const parse = (text: string, precision = 'ns') => parseLineProtocol(Buffer.from(text), precision, NOW);
function refusal(line: string): string {
  const { errors } = parse(line);
  expect(errors, line).toHaveLength(1);
  return errors[0]!;
}
function point(line: string): ParsedPoint {
  const { points, errors } = parse(line);
  expect(errors, line).toEqual([]);
  return points[0]!;
}

/** [why, lines refused for it] (TestParsePointNoFields, …MissingQuote, …MissingTagKey, …BadNumber, …). */
const REFUSED: [string, string[]][] = [
  ['missing fields', ['cpu_load_short,host=server01,region=us-west', 'cpu', 'cpu,host==', '=', 'invalid']],
  ['unbalanced quotes', ['cpu,host=serverA value="test', 'cpu,host=serverA value="test""']],
  [
    'missing tag key',
    [
      'cpu, value=1',
      'cpu,',
      'cpu,,,',
      'cpu,host=serverA,=us-east value=1i',
      'cpu,host=serverAa\\,,=us-east value=1i',
      'cpu,host=serverA\\,,=us-east value=1i',
      'cpu, =serverA value=1i',
    ],
  ],
  [
    'missing tag value',
    [
      'cpu,host',
      'cpu,host,',
      'cpu,host=',
      'cpu,host value=1i',
      'cpu,host=serverA,region value=1i',
      'cpu,host=serverA,region= value=1i',
      'cpu,host=serverA,region=,zone=us-west value=1i',
    ],
  ],
  ['invalid tag format', ['cpu,host=f=o,', 'cpu,host=f\\==o,']],
  ['missing field key', ['cpu,host=serverA,region=us-west =', 'cpu,host=serverA,region=us-west =123i', 'm a=1,=2i']],
  ['missing field value', ['cpu,host=serverA,region=us-west value=', 'cpu value= 1000000000i', 'cpu value=,value2=1i']],
  ['invalid field format', ['cpu,host=server01 1434055562000000000i', 'cpu,host=server01,region=us-west value=1i,b']],
  ['invalid value: field-key=r', ['m f="blah"=123,r 1531703600000000000']],
  [
    'invalid number',
    [
      'cpu v=- ',
      'cpu v=-i ',
      'cpu v=-. ',
      'cpu v=. ',
      'cpu v=1.0i ',
      'cpu v=1ii ',
      'cpu v=1a ',
      'cpu v=42+3 ',
      'cpu v=-123u',
      'cpu value=--1u',
      'cpu value=.1a',
      'cpu value=0.-1',
      'cpu value=1.1.1',
      'cpu value=9ie10',
      'cpu value=9e10i',
      'cpu value=NaN 1000000000',
      'cpu value=nAn 1000000000',
      'cpu value=NaN',
    ],
  ],
  ['invalid float', ['cpu v=-e-e-e ', 'm v=1e400', `m v=1${'7'.repeat(309)}`]],
  ['invalid boolean', ['cpu value=a', 'm v=tru', 'm v=trUE', 'm v=Falsee']],
  [
    'duplicate tags',
    [
      'cpu,host=serverA,host=serverB value=1i 1000000000',
      'cpu,b=2,b=1,c=3 value=1i 1000000000',
      'cpu,b=2,c=3,b=1 value=1i',
    ],
  ],
  ['bad timestamp', ['a v=1 0\\', 'm v=1 12a', 'm v=1 1-2']],
  ['point is invalid', ['m v=1 1 2']],
  ['cannot use reserved tag key "time"', ['cpu,time=1 v=1']],
  ['cannot use reserved tag key "_field"', ['cpu,_field=1 v=1']],
];

describe('lines InfluxDB refuses', () => {
  it.each(REFUSED)('%s', (why, lines) => {
    for (const line of lines) expect(refusal(line)).toBe(`unable to parse '${line.trimStart()}': ${why}`);
  });

  it('says why for numbers and times out of range (TestParsePointMaxInt64, …MaxUint64, …)', () => {
    const cases: [string, string][] = [
      [
        'value=9223372036854775808i',
        'unable to parse integer 9223372036854775808: strconv.ParseInt: parsing "9223372036854775808": value out of range',
      ],
      [
        'value=-9223372036854775809i',
        'unable to parse integer -9223372036854775809: strconv.ParseInt: parsing "-9223372036854775809": value out of range',
      ],
      [
        'value=18446744073709551616u',
        'unable to parse unsigned 18446744073709551616: strconv.ParseUint: parsing "18446744073709551616": value out of range',
      ],
      ['v=1 99999999999999999999', 'strconv.ParseInt: parsing "99999999999999999999": value out of range'],
      ['v=1 -', 'strconv.ParseInt: parsing "-": invalid syntax'],
      ['v=1 -9223372036854775808', 'time outside range -9223372036854775806 - 9223372036854775806'],
    ];
    for (const [rest, why] of cases) expect(refusal(`cpu ${rest}`)).toBe(`unable to parse 'cpu ${rest}': ${why}`);
    const seconds = parseLineProtocol(Buffer.from('cpu v=1 9223372037'), 's', NOW).errors;
    expect(seconds).toEqual([
      "unable to parse 'cpu v=1 9223372037': time outside range -9223372036854775806 - 9223372036854775806",
    ]);
  });

  it('refuses a whole batch line by line, each refusal on its own line', () => {
    expect(parse('ok v=1\nbad\nok v=2\ncpu,')).toMatchObject({
      errors: ["unable to parse 'bad': missing fields", "unable to parse 'cpu,': missing tag key"],
    });
  });
});

describe('lines InfluxDB reads', () => {
  it('reads every field type, at the limits of each', () => {
    expect(point('cpu,host=serverA,region=us-west value=9223372036854775807i').fields).toEqual({
      value: ['integer', '9223372036854775807'],
    });
    expect(point('cpu value=-9223372036854775808i,z=0009223372036854775807i').fields).toEqual({
      value: ['integer', '-9223372036854775808'],
      z: ['integer', '9223372036854775807'],
    });
    expect(point('cpu value=18446744073709551615u,zero=0000u').fields).toEqual({
      value: ['unsigned', '18446744073709551615'],
      zero: ['unsigned', '0'],
    });
    expect(point('cpu a=1e4,b=1.0E4,c=-1.0e-4,d=.1,e=-1.0,f=5.').fields).toEqual({
      a: ['float', 1e4],
      b: ['float', 1e4],
      c: ['float', -1e-4],
      d: ['float', 0.1],
      e: ['float', -1],
      f: ['float', 5],
    });
    expect(point('cpu a=t,b=T,c=true,d=True,e=TRUE,f=f,g=F,h=false,i=False,j=FALSE').fields).toEqual(
      Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((k, i) => [k, ['boolean', i < 5]])),
    );
    expect(point('cpu s="a \\"quoted\\" \\\\ string, with = and ,"').fields).toEqual({
      s: ['string', 'a "quoted" \\ string, with = and ,'],
    });
  });

  it('keys a series by its measurement and its tags in key order, escapes kept (TestParsePointKeyUnsorted)', () => {
    expect(point('cpu,last=1,first=2 value=1i').seriesKey).toBe('cpu,first=2,last=1');
    expect(point('cpu,host=serverA,\\ =us-east value=1i').seriesKey).toBe('cpu,\\ =us-east,host=serverA');
    expect(point('c\\,pu\\ x,t\\ ag=v\\=al f\\ ield\\,x\\=y=1').seriesKey).toBe('c\\,pu\\ x,t\\ ag=v\\=al');
    expect(point('c\\,pu\\ x,t\\ ag=v\\=al f\\ ield\\,x\\=y=1').fields).toEqual({ 'f ield,x=y': ['float', 1] });
    expect(point('cpu,host=serverA,region=us-west a\\ =123i').fields).toEqual({ 'a ': ['integer', '123'] });
  });

  it('takes the time in the precision given, and now (cut to it) when there is none', () => {
    const at = (precision: string, line = 'cpu v=1 12') =>
      parseLineProtocol(Buffer.from(line), precision, NOW).points[0]!.time;
    expect([at('ns'), at('us'), at('ms'), at('s')]).toEqual([12n, 12_000n, 12_000_000n, 12_000_000_000n]);
    expect(at('ns', 'cpu v=1')).toBe(NOW);
    expect(at('ms', 'cpu v=1')).toBe(1_700_000_000_123_000_000n);
    expect(at('s', 'cpu v=1  ')).toBe(1_700_000_000_000_000_000n);
    expect(point('cpu v=1 -1').time).toBe(-1n);
  });

  it('splits lines at newlines outside quoted values, skips blank and # lines (TestParsePointsUnbalancedQuotedTags)', () => {
    const { points, errors } = parse('baz,mytag="a x=1 1441103862125\nbaz,mytag=a z=1 1441103862126');
    expect(errors).toEqual([]);
    expect(points.map((p) => p.seriesKey)).toEqual(['baz,mytag="a', 'baz,mytag=a']);
    const multi = parse('# comment\n\n  \t\ncpu s="line one\nline two" 1\n  cpu v=2 2\n');
    expect(multi.errors).toEqual([]);
    expect(multi.points.map((p) => p.fields)).toEqual([{ s: ['string', 'line one\nline two'] }, { v: ['float', 2] }]);
  });
});
