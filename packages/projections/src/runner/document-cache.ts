/** What the cache knows of a document: its last committed value, or that it has none. */
export type CachedDocument<Doc> = Readonly<{ known: true; document: Doc | undefined }> | Readonly<{ known: false }>;

export type DocumentCache<Doc> = Readonly<{
  lookup: (id: string) => CachedDocument<Doc>;
  /** After a commit: the documents the batch read and those it wrote (`null`: deleted). */
  remember: (documents: ReadonlyMap<string, Doc | null | undefined>) => void;
}>;

/**
 * The documents of one run of a projection as last committed, so that the next batch takes
 * them from memory instead of reading and decoding them again: the runner is the only writer
 * of its projection's documents (its checkpoint is committed with them), so what it committed
 * is what the store holds. Bounded by `capacity` documents, the least recently used out first;
 * 0 turns it off.
 */
export const createDocumentCache = <Doc>(capacity: number): DocumentCache<Doc> => {
  const documents = new Map<string, Doc | null>();
  return {
    lookup: (id) => {
      const document = documents.get(id);
      if (document === undefined) return { known: false };
      documents.delete(id);
      documents.set(id, document);
      return { known: true, document: document ?? undefined };
    },
    remember: (changed) => {
      if (capacity <= 0) return;
      for (const [id, document] of changed) {
        documents.delete(id);
        documents.set(id, document ?? null);
      }
      for (const id of documents.keys()) {
        if (documents.size <= capacity) break;
        documents.delete(id);
      }
    },
  };
};
