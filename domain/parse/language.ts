/**
 * English or Spanish. A text is Spanish when its Spanish words outweigh its English ones; accents, "ñ", "¿" and
 * "¡" count double, and the Spanish words are listed without accents so "manana en la tarde" and "recojan mi sofa"
 * are Spanish too. Words both languages use ("no", "a", "sofa", "ok", "hola" aside) count for neither. A text with
 * neither (an address alone, "ok", "👍") has no language of its own: `languageOf` says null, and ParsedText reads
 * it as English; the conversation keeps the customer's last language for those.
 */
import type { Language } from './parse-text';

const SPANISH = new Set(
  (
    'hola buenas buenos dias tardes noches gracias favor porfa porfavor quiero necesito necesitamos puede pueden ' +
    'podrian podria puedo recoger recojan recoja recogida recolectar llevar llevarse llevense sacar tirar manana ' +
    'hoy tarde noche lunes martes miercoles jueves viernes sabado domingo semana proximo proxima que cuando cuanto ' +
    'cuanta donde como esta estan estoy tengo tenemos tiene mi mis su sus el la los las del al una unos unas uno ' +
    'para por con sin pero tambien otra otro mejor vez cambiar quise decir confirmo acuerdo vale bueno claro si ' +
    'colchon colchones sofa sillon refrigerador nevera lavadora secadora estufa cajas bolsas muebles basura llantas ' +
    'mesa silla sillas cama escritorio calle avenida despues antes entre hasta desde las ya listo lista listos ' +
    'afuera vienen llegan hora horas cobran cuesta precio aceptan reciben abren cierran horario zona servicio ' +
    'cancelar cancela olvidalo direccion casa garaje cochera patio piso callejon ahorita luego pronto favor ' +
    'es son y o ella ellos nosotros usted ustedes aqui alli ahi en de me te le nos les lo se va van vamos hay ' +
    'muy mas menos todo todos nada algo alguien nadie siempre nunca tambien pues entonces porque'
  ).split(/\s+/),
);
/** Spanish words that are also everyday English (or SMS) words: they count only beside other Spanish. */
const SHARED = new Set(['me', 'a', 'no', 'sofa', 'mesa', 'son', 'es', 'la', 'el', 'lo', 'van', 'hay', 'ya', 'o', 'y', 'en', 'de', 'se', 'mi', 'piso', 'patio', 'casa', 'bueno', 'vale', 'hora', 'te', 'le']);

const ENGLISH = new Set(
  (
    'the and you your can could would will pick up pickup please tomorrow today tonight morning afternoon evening ' +
    'my is are at for to i we it of this that get need what how when where do does have has with from our be ' +
    'am pm ready couch mattress stuff junk thanks thank yes yeah come here there out by on in not just want ' +
    'which who why an or but if so some any all there they them he she his her its was were been just got gonna ' +
    'monday tuesday wednesday thursday friday saturday sunday next week hi hello hey'
  ).split(/\s+/),
);

/**
 * @example languageOf('mañana en la tarde') // 'es'
 * @example languageOf('recojan mi sofa manana') // 'es'
 * @example languageOf('tmrw am 12 Oak St') // 'en'
 * @example languageOf('👍') // null
 */
export function languageOf(unaccented: string, original = unaccented): Language | null {
  let es = (original.match(/[ñáéíóú¿¡]/giu)?.length ?? 0) * 2;
  let shared = 0;
  let en = 0;
  for (const word of unaccented.toLowerCase().match(/[a-z']+/g) ?? []) {
    if (SHARED.has(word)) shared++;
    else if (SPANISH.has(word)) es++;
    else if (ENGLISH.has(word)) en++;
  }
  // Words both languages use count for Spanish beside Spanish, or when there are two with no English ("es en …").
  if (es > 0 || (en === 0 && shared >= 2)) es += shared * 0.5;
  if (es === 0 && en === 0) return null;
  return es > en ? 'es' : 'en';
}
