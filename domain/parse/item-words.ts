/**
 * The junk nouns items.ts knows: each canonical name (singular English, what crew emails and the dashboard show)
 * with the words customers use for it, English and Spanish, singular and plural, written without accents (texts
 * are folded first). Longer names come first so "box spring" is never read as "box", nor "washing machine" as a
 * "washer" twice. Synonyms share one name: couch = sofa, loveseat, sectional, futon; fridge = refrigerator, nevera.
 */

export const ITEM_WORDS: ReadonlyArray<readonly [name: string, words: string]> = [
  ['box spring', String.raw`box ?springs?|boxsprings?|base de (?:la )?cama|bases de cama`],
  ['bed frame', String.raw`bed ?frames?|headboards?|bedframes?|marcos? de (?:la )?cama|cabeceras?`],
  ['water heater', String.raw`(?:hot )?water heaters?|calentador(?:es)?(?: de agua)?|boilers?`],
  ['AC unit', String.raw`a/?c units?|ac|a/c|air conditioners?|window units?|aires? acondicionados?|minisplits?`],
  ['hot tub', String.raw`hot ?tubs?|jacuzzis?|spa tubs?`],
  ['yard waste', String.raw`yard (?:waste|debris|trash)|branches|tree limbs|brush piles?|ramas|basura del jardin|desechos de jardin`],
  ['washer', String.raw`washing machines?|washers?|lavadoras?`],
  ['dishwasher', String.raw`dishwashers?|lavaplatos|lavavajillas`],
  ['dryer', String.raw`dryers?|secadoras?`],
  ['fridge', String.raw`(?:mini ?)?fridges?|refrigerators?|refrigeradore?s?|refris?|neveras?|frigorificos?`],
  ['freezer', String.raw`(?:chest |deep )?freezers?|deep freeze|congeladore?s?`],
  ['stove', String.raw`stoves?|ovens?|cooktops?|estufas?|hornos?`],
  ['microwave', String.raw`microwaves?|microondas`],
  ['couch', String.raw`couch(?:es)?|sofas?|sofa beds?|love ?seats?|sectionals?|futons?|settees?|sillon(?:es)?`],
  ['mattress', String.raw`mattress(?:es)?|colchon(?:es)?`],
  ['bed', String.raw`beds?|camas?`],
  ['piano', String.raw`pianos?`],
  ['TV', String.raw`tvs?|t\.v\.|televisions?|flat ?screens?|televisore?s?|teles?|televisiones`],
  ['desk', String.raw`desks?|escritorios?`],
  ['dresser', String.raw`dressers?|chests? of drawers|armoires?|comodas?|tocadore?s?|roperos?`],
  ['table', String.raw`(?:coffee |dining |kitchen |end |side |patio )?tables?|mesas?`],
  ['chair', String.raw`(?:office |patio |dining )?chairs?|recliners?|armchairs?|sillas?`],
  ['bookshelf', String.raw`bookshel(?:f|ves)|bookcases?|shelving units?|libreros?`],
  ['box', String.raw`boxes|box|cajas?`],
  ['bag', String.raw`(?:trash |garbage |contractor )?bags?|bolsas?(?: de basura)?`],
  ['tire', String.raw`tires?|tyres?|llantas?|neumaticos?`],
  ['carpet', String.raw`carpets?|carpeting|rugs?|alfombras?`],
  ['treadmill', String.raw`treadmills?|caminadoras?`],
  ['exercise equipment', String.raw`ellipticals?|exercise bikes?|weight bench(?:es)?|home gyms?`],
  ['grill', String.raw`grills?|bbqs?|barbecues?|asadore?s?|parrillas?`],
  ['cabinet', String.raw`cabinets?|cupboards?|gabinetes?|alacenas?`],
  ['debris', String.raw`(?:construction )?debris|drywall|escombros?|construction waste`],
  ['lawn mower', String.raw`(?:lawn ?)?mowers?|podadoras?|cortadoras? de (?:pasto|cesped)`],
  ['toilet', String.raw`toilets?|inodoros?|excusados?|escusados?`],
  ['bathtub', String.raw`bath ?tubs?|tinas?|banera`],
  ['bicycle', String.raw`bikes?|bicycles?|bicicletas?`],
  ['crib', String.raw`cribs?|cunas?`],
  ['trampoline', String.raw`trampolines?|trampolin(?:es)?|brincolin(?:es)?`],
  ['shed', String.raw`sheds?`],
  ['furniture', String.raw`furniture|muebles?`],
  ['appliance', String.raw`appliances?|electrodomesticos?`],
];

/** Count words before an item: "a couch", "two mattresses", "un par de sillas", "dos colchones". */
export const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, twenty: 20, couple: 2, pair: 2, few: 3, dozen: 12,
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  doce: 12, veinte: 20, par: 2,
};
