import { describe, expect, it } from 'vitest';
import { customer } from './support';

const items = (text: string) => customer(text).items.map(({ name, count }) => `${name}×${count}`).join(', ');

describe('what is to be hauled, with counts and canonical names', () => {
  it.each([
    ['a piano and 2 mattresses', 'piano×1, mattress×2'],
    ['two couches', 'couch×2'],
    ['can you take my old sofa tomorrow', 'couch×1'],
    ['sectional + loveseat', 'couch×1'],
    ['queen mattress and box spring, bed frame too', 'mattress×1, box spring×1, bed frame×1'],
    ['old fridge, washer and dryer', 'fridge×1, washer×1, dryer×1'],
    ['a refrigerator and a chest freezer', 'fridge×1, freezer×1'],
    ['dishwasher, stove and a microwave', 'dishwasher×1, stove×1, microwave×1'],
    ['hot tub removal', 'hot tub×1'],
    ['3 TVs and a desk', 'TV×3, desk×1'],
    ['dresser, dining table and 6 chairs', 'dresser×1, table×1, chair×6'],
    ['about 10 boxes and 5 bags of trash', 'box×10, bag×5'],
    ['a couple of chairs', 'chair×2'],
    ['mattress x2', 'mattress×2'],
    ['3-4 bags of yard waste', 'bag×4, yard waste×1'],
    ['4 tires and some old carpet', 'tire×4, carpet×1'],
    ['treadmill and a grill', 'treadmill×1, grill×1'],
    ['water heater and a window AC unit', 'water heater×1, AC unit×1'],
    ['kitchen cabinets and drywall debris', 'cabinet×1, debris×1'],
    ['dos colchones y un sofá', 'mattress×2, couch×1'],
    ['un refrigerador y una lavadora', 'fridge×1, washer×1'],
    ['una nevera, la secadora y 3 cajas', 'fridge×1, dryer×1, box×3'],
    ['recojan mi sofa y unas sillas', 'couch×1, chair×1'],
    ['llantas viejas y escombro', 'tire×1, debris×1'],
    ['ready at 3, 12 Box Elder Ln', ''],
    ['where r u', ''],
  ])('%j → %s', (text, expected) => {
    expect(items(text)).toBe(expected);
  });

  it('crew texts carry no items', () => {
    expect(customer('2 couches at 600 Oak Ave').items).toEqual([{ name: 'couch', count: 2 }]);
  });
});
