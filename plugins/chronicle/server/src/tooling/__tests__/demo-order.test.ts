import { orderUnits } from '../demo';

describe('orderUnits', () => {
  test('puts parents before their children whatever the input order', () => {
    const units = [
      { key: 'community', parent: 'subdistrict' },
      { key: 'subdistrict', parent: 'district' },
      { key: 'district' },
      { key: 'hospital' },
    ];
    const order = orderUnits(units).map((u) => u.key);
    expect(order.indexOf('district')).toBeLessThan(order.indexOf('subdistrict'));
    expect(order.indexOf('subdistrict')).toBeLessThan(order.indexOf('community'));
    expect(order).toHaveLength(4);
  });

  test('refuses a missing parent and a cycle', () => {
    expect(() => orderUnits([{ key: 'a', parent: 'b' }])).toThrow(/missing parent b/);
    expect(() => orderUnits([{ key: 'a', parent: 'b' }, { key: 'b', parent: 'a' }])).toThrow(/cycle/);
  });
});
