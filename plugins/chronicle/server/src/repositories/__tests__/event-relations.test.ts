import { paddedSize } from '../event-relations';

describe('the relation statement sizes', () => {
  it('pads an id list to the next of a few sizes, never below it', () => {
    expect([1, 7, 8, 9, 16, 17, 26, 52, 101, 256, 257, 500].map(paddedSize)).toEqual([8, 8, 8, 16, 16, 32, 32, 64, 128, 256, 512, 512]);
    for (let n = 1; n <= 500; n++) expect(paddedSize(n)).toBeGreaterThanOrEqual(n);
  });

  it('so every page and chronicle size up to a chunk (500 ids) uses one of seven statements', () => {
    const sizes = new Set(Array.from({ length: 500 }, (_, i) => paddedSize(i + 1)));
    expect([...sizes]).toEqual([8, 16, 32, 64, 128, 256, 512]);
  });
});
