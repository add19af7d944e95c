/**
 * The seeded organisation's ids and the names of its administrators. The contract records an
 * administrator by id and role only, so the display names the Admin Panel shows come from
 * here: the example's stand-in for a company directory. The ids of the seed story
 * (`examples/seed-story/ids.json`) are kept, so that the story's commands read the same here.
 */
export const seedIds = {
  acme: '00000000-0000-4000-8000-000000000001',
  maria: '00000000-0000-4000-8000-000000000002',
  ade: '00000000-0000-4000-8000-000000000003',
  sam: '00000000-0000-4000-8000-000000000004',
  vpn: '00000000-0000-4000-8000-000000000005',
  ssh: '00000000-0000-4000-8000-000000000006',
  bakery: '00000000-0000-4000-8000-000000000007',
  bob: '00000000-0000-4000-8000-000000000008',
  shop: '00000000-0000-4000-8000-000000000009',
  jordan: '00000000-0000-4000-8000-000000000010',
  priya: '00000000-0000-4000-8000-000000000011',
  alex: '00000000-0000-4000-8000-000000000101',
  uma: '00000000-0000-4000-8000-000000000102',
  bea: '00000000-0000-4000-8000-000000000103',
  rio: '00000000-0000-4000-8000-000000000104',
  intranet: '00000000-0000-4000-8000-000000000111',
  juniper: '00000000-0000-4000-8000-000000000112',
  owa: '00000000-0000-4000-8000-000000000113',
  blog: '00000000-0000-4000-8000-000000000114',
  rdp: '00000000-0000-4000-8000-000000000115',
  radius: '00000000-0000-4000-8000-000000000116',
  adminApi: '00000000-0000-4000-8000-000000000117',
  authApi: '00000000-0000-4000-8000-000000000118',
  lee: '00000000-0000-4000-8000-000000000121',
  leePhone: '00000000-0000-4000-8000-000000000122',
  leeToken: '00000000-0000-4000-8000-000000000123',
} as const;

/** Display names of administrators, by id; an administrator added later shows by id. */
export const administratorNames: Readonly<Record<string, string>> = {
  [seedIds.maria]: 'Maria',
  [seedIds.ade]: 'Ade',
  [seedIds.sam]: 'Sam',
  [seedIds.alex]: 'Alex',
  [seedIds.uma]: 'Uma',
  [seedIds.bea]: 'Bea',
  [seedIds.rio]: 'Rio',
  [seedIds.bob]: 'Bob',
};

export const administratorName = (adminId: string): string => administratorNames[adminId] ?? `administrator ${adminId}`;
