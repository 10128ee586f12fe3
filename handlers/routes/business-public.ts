/**
 * GET /api/business/public — what the customer pages show before anything else: the business's name and number,
 * and the booking form's days (the next day and part of the day still possible, read in the business zone, so a
 * phone in another zone or with a wrong clock still starts on a time we can do). Public and harmless: no job data.
 */
import { Hono } from 'hono';
import { bookingSlots } from '../../domain/booking-slots';
import { businessContact } from '../../domain/track-view';
import type { Deps } from '../deps';

/** @example app.route('/', publicBusinessRoutes(deps)) */
export function publicBusinessRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get('/api/business/public', (c) =>
    c.json(
      { ...businessContact(deps.config), timeZone: deps.config.businessTz, slots: bookingSlots(deps.clock(), deps.config.businessTz) },
      200,
      // The slots move with the clock: a minute in the browser's cache is harmless, a shared cache is not wanted.
      { 'Cache-Control': 'private, max-age=60' },
    ),
  );
  return app;
}
