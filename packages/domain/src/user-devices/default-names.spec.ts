import { defaultDeviceName } from './capabilities';

describe('default device names', () => {
  it.each([
    ['MOBILE', 'IOS', 'iOS phone'],
    ['MOBILE', 'ANDROID', 'Android phone'],
    ['MOBILE', 'WINDOWS_PHONE', 'Windows Phone'],
    ['TABLET', 'ANDROID', 'Android tablet'],
    ['TABLET', 'WINDOWS_PHONE', 'Windows tablet'],
    ['MOBILE', 'GENERIC_SMARTPHONE', 'Smartphone'],
    ['MOBILE', 'UNKNOWN', 'Phone'],
    ['TABLET', 'IOS', 'iOS tablet'],
    ['TABLET', 'GENERIC_SMARTPHONE', 'Tablet'],
    ['TABLET', 'UNKNOWN', 'Tablet'],
    ['LANDLINE', 'UNKNOWN', 'Landline'],
  ] as const)('given no other device, a %s on %s is called "%s"', (kind, platform, expected) => {
    expect(defaultDeviceName(kind, platform, [])).toBe(expected);
  });

  it('given "Smartphone" and "smartphone 2" are taken, when another generic smartphone is enrolled, then it is "Smartphone 3"', () => {
    expect(defaultDeviceName('MOBILE', 'GENERIC_SMARTPHONE', ['Smartphone', 'smartphone 2'])).toBe('Smartphone 3');
  });
});
