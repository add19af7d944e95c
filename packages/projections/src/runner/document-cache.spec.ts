import { createDocumentCache } from './document-cache';

type Doc = Readonly<{ n: number }>;

describe('the runner’s document cache', () => {
  it('given documents remembered after a commit, when looked up, then each is known with its value, and a deleted one is known to be absent', () => {
    const cache = createDocumentCache<Doc>(10);
    cache.remember(new Map<string, Doc | null | undefined>([['a', { n: 1 }], ['b', null], ['c', undefined]]));
    expect(cache.lookup('a')).toEqual({ known: true, document: { n: 1 } });
    expect(cache.lookup('b')).toEqual({ known: true, document: undefined });
    expect(cache.lookup('c')).toEqual({ known: true, document: undefined });
    expect(cache.lookup('d')).toEqual({ known: false });
  });

  it('given more documents than its capacity, when remembered, then the least recently used are forgotten first', () => {
    const cache = createDocumentCache<Doc>(2);
    cache.remember(new Map([['a', { n: 1 }], ['b', { n: 2 }]]));
    cache.lookup('a');
    cache.remember(new Map([['c', { n: 3 }]]));
    expect(cache.lookup('b')).toEqual({ known: false });
    expect(cache.lookup('a')).toEqual({ known: true, document: { n: 1 } });
    expect(cache.lookup('c')).toEqual({ known: true, document: { n: 3 } });
  });

  it('given a capacity of 0, when documents are remembered, then nothing is known', () => {
    const cache = createDocumentCache<Doc>(0);
    cache.remember(new Map([['a', { n: 1 }]]));
    expect(cache.lookup('a')).toEqual({ known: false });
  });
});
