import fc from 'fast-check';
import { hashLeaf, type Digest } from './merkle-hash';
import { consistencyProof, inclusionProof, merkleRoot } from './merkle-tree';
import { verifyConsistency, verifyInclusion } from './merkle-verify';

// The leaves of Certificate Transparency's reference tests (RFC 6962's implementation), with
// the roots it publishes for each prefix: the tree shape and the hashing are RFC 9162's.
const referenceInputs = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const referenceRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const flipped = (digest: Digest, byte = 0): Digest => {
  const copy = Buffer.from(digest);
  copy[byte % copy.length] = (copy[byte % copy.length] ?? 0) ^ 0x01;
  return copy;
};

const at = <T>(list: readonly T[], index: number): T => {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
};

/** Random leaves (distinct with overwhelming likelihood: each is the hash of random bytes). */
const leavesArbitrary = (minLength: number) =>
  fc.array(fc.uint8Array({ minLength: 0, maxLength: 16 }), { minLength, maxLength: 70 }).map((inputs) => inputs.map((bytes, i) => hashLeaf(Buffer.concat([Buffer.from([i]), bytes]))));

const treeWithLeaf = leavesArbitrary(1).chain((leaves) => fc.record({ leaves: fc.constant(leaves), index: fc.nat({ max: leaves.length - 1 }) }));
const treeWithPrefix = leavesArbitrary(1).chain((leaves) => fc.record({ leaves: fc.constant(leaves), oldSize: fc.integer({ min: 1, max: leaves.length }) }));

describe('the Merkle tree of RFC 9162', () => {
  it('given the reference leaves, when each prefix is hashed, then its root is the one Certificate Transparency publishes', () => {
    const leaves = referenceInputs.map((hex) => hashLeaf(Buffer.from(hex, 'hex')));
    expect(referenceRoots.map((_root, size) => merkleRoot(leaves, size).toString('hex'))).toEqual(referenceRoots);
  });

  it('given any tree, when a leaf is proven in it, then its audit path leads to the root', () => {
    fc.assert(
      fc.property(treeWithLeaf, ({ leaves, index }) => {
        const proof = inclusionProof(leaves, index) ?? [];
        expect(verifyInclusion(at(leaves, index), index, leaves.length, proof, merkleRoot(leaves))).toBe(true);
      }),
    );
  });

  it('given a valid audit path, when the leaf, a hash of the path or the index is changed, then it no longer verifies', () => {
    fc.assert(
      fc.property(treeWithLeaf, fc.nat(), fc.nat(), ({ leaves, index }, pick, byte) => {
        const proof = inclusionProof(leaves, index) ?? [];
        const root = merkleRoot(leaves);
        const leaf = at(leaves, index);
        expect(verifyInclusion(flipped(leaf, byte), index, leaves.length, proof, root)).toBe(false);
        if (proof.length > 0) {
          const changed = pick % proof.length;
          expect(verifyInclusion(leaf, index, leaves.length, proof.map((p, i) => (i === changed ? flipped(p, byte) : p)), root)).toBe(false);
          expect(verifyInclusion(leaf, index, leaves.length, proof.slice(1), root)).toBe(false);
        }
        expect(verifyInclusion(leaf, index, leaves.length, [...proof, leaf], root)).toBe(false);
        const otherIndex = (index + 1 + (pick % leaves.length)) % leaves.length;
        if (otherIndex !== index) expect(verifyInclusion(leaf, otherIndex, leaves.length, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, leaves.length + (pick % 3), leaves.length, proof, root)).toBe(false);
      }),
    );
  });

  it('given any tree and a prefix of it, when their consistency is proven, then the proof checks against both roots', () => {
    fc.assert(
      fc.property(treeWithPrefix, ({ leaves, oldSize }) => {
        const proof = consistencyProof(leaves, oldSize) ?? [];
        expect(verifyConsistency(oldSize, leaves.length, proof, merkleRoot(leaves, oldSize), merkleRoot(leaves))).toBe(true);
      }),
    );
  });

  it('given a history forked before the old size, when consistency is checked, then neither the old history nor the new one verifies', () => {
    fc.assert(
      fc.property(treeWithPrefix, fc.nat(), ({ leaves, oldSize }, pick) => {
        const forkedAt = pick % oldSize;
        const forked = leaves.map((leaf, i) => (i === forkedAt ? flipped(leaf) : leaf));
        const proof = consistencyProof(leaves, oldSize) ?? [];
        const forkedProof = consistencyProof(forked, oldSize) ?? [];
        // An old root of the fork, with the real later tree: the later tree does not extend it.
        expect(verifyConsistency(oldSize, leaves.length, proof, merkleRoot(forked, oldSize), merkleRoot(leaves))).toBe(false);
        expect(verifyConsistency(oldSize, leaves.length, forkedProof, merkleRoot(forked, oldSize), merkleRoot(leaves))).toBe(false);
        // The real old root, with a later tree grown from the fork.
        expect(verifyConsistency(oldSize, leaves.length, forkedProof, merkleRoot(leaves, oldSize), merkleRoot(forked))).toBe(false);
      }),
    );
  });

  it('given a valid consistency proof, when one of its hashes is changed or dropped, then it no longer verifies', () => {
    fc.assert(
      fc.property(treeWithPrefix, fc.nat(), ({ leaves, oldSize }, pick) => {
        const proof = consistencyProof(leaves, oldSize) ?? [];
        fc.pre(proof.length > 0);
        const changed = pick % proof.length;
        const oldRoot = merkleRoot(leaves, oldSize);
        const newRoot = merkleRoot(leaves);
        expect(verifyConsistency(oldSize, leaves.length, proof.map((p, i) => (i === changed ? flipped(p) : p)), oldRoot, newRoot)).toBe(false);
        expect(verifyConsistency(oldSize, leaves.length, proof.filter((_p, i) => i !== changed), oldRoot, newRoot)).toBe(false);
      }),
    );
  });

  it('given sizes that make no tree, then no proof is built and none verifies', () => {
    const leaves = referenceInputs.map((hex) => hashLeaf(Buffer.from(hex, 'hex')));
    expect(inclusionProof(leaves, 8)).toBeUndefined();
    expect(inclusionProof(leaves, -1)).toBeUndefined();
    expect(consistencyProof(leaves, 5, 4)).toBeUndefined();
    expect(consistencyProof(leaves, 3, 9)).toBeUndefined();
    expect(verifyConsistency(5, 4, [], merkleRoot(leaves, 5), merkleRoot(leaves, 4))).toBe(false);
    expect(verifyInclusion(at(leaves, 0), 0, 0, [], merkleRoot(leaves, 0))).toBe(false);
  });

  it('given the empty tree, then every tree extends it, and only with the empty root', () => {
    const leaves = referenceInputs.map((hex) => hashLeaf(Buffer.from(hex, 'hex')));
    expect(consistencyProof(leaves, 0)).toEqual([]);
    expect(verifyConsistency(0, 8, [], merkleRoot(leaves, 0), merkleRoot(leaves))).toBe(true);
    expect(verifyConsistency(0, 8, [], merkleRoot(leaves, 1), merkleRoot(leaves))).toBe(false);
  });
});
