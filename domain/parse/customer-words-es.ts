/**
 * Spanish beside the English in customer-intent.ts, written without accents (texts are folded first, see fold.ts),
 * so "cancelar", "¿dónde están?" and "donde estan" read the same. Conventions, by intent:
 * - cancel: "cancelar / cancela / cancelo / cancelen", "ya no lo necesito", "no vengan", "olvídalo".
 * - reschedule (a pickup change, not a cancel): "cambiar la fecha / hora", "otro día", "mejor el lunes", "en vez de".
 * - status: "¿dónde están?", "¿a qué hora vienen / llegan?", "¿cuándo vienen?", "¿cuánto falta?", "¿ya vienen?".
 * - confirm: sí / si / ok / claro / de acuerdo / confirmo / perfecto / está bien / vale / dale / bueno / listo (alone).
 * - pickup: "recoger / recojan / llevarse / sacar", "basura", "muebles", "vengan", "lo antes posible", "ahorita".
 */

export const CANCEL_ES = [
  String.raw`\bcancel(?:ar|a|en|o|e|ado|ada|amos|arla|arlo)\b`,
  String.raw`\bya no (?:lo |la |los |las )?(?:necesito|necesitamos|ocupo|ocupamos|hace falta|quiero)\b`,
  String.raw`\bno (?:vengan|venga|vengas)\b`,
  String.raw`\bolvid(?:alo|elo|enlo|ate)\b`,
];

export const RESCHEDULE_ES = [
  String.raw`\bcambiar (?:la |el )?(?:fecha|hora|dia)\b`,
  String.raw`\b(?:otro dia|otra hora|otra fecha)\b`,
  String.raw`\bmejor (?:el|la|para|manana|hoy|en|a las)\b`,
  String.raw`\ben vez de\b`,
  String.raw`\breprogramar\b`,
];

export const STATUS_ES = [
  String.raw`\bdonde (?:estan|esta|vienen|andan|van)\b`,
  String.raw`\ba que hora (?:vienen|llegan|van a (?:venir|llegar|pasar)|pasan|viene|llega)\b`,
  String.raw`\bcuando (?:vienen|llegan|van a (?:venir|llegar|pasar)|pasan|viene|llega)\b`,
  String.raw`\b(?:ya|todavia|aun) (?:vienen|viene|van a venir)\b`,
  String.raw`\bcuanto (?:falta|tardan|les falta|van a tardar)\b`,
  String.raw`\b(?:vienen|van) en camino\b`,
];

export const AGREE_ES = [
  'si', 'sip', 'sii+', 'claro', 'claro que si', 'de acuerdo', 'confirmo', 'confirmado', 'perfecto', 'esta bien',
  'muy bien', 'vale', 'dale', 'bueno', 'excelente', 'listo', 'correcto', 'asi es', 'nos vemos(?: [^,.!?;]*)?',
];
export const FILLER_ES = ['gracias', 'muchas gracias', 'por favor', 'porfa', 'porfavor'];
export const CONFIRM_START_ES = ['si', 'claro', 'vale', 'dale', 'de acuerdo', 'perfecto', 'confirmo', 'bueno'];

export const PICKUP_ES = [
  String.raw`recog\w*|recoj\w*|llevar(?:se|selo|selos)?|llevense|sacar|saquen|basura|muebles|tirar|deshacerme`,
  String.raw`vengan|venir por|pasar por|necesito (?:que|una|un)|lo antes posible|cuanto antes|ahorita|cotizacion`,
];
