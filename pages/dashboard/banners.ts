/**
 * The notices under the board's top bar that someone should act on: records of jobs.json set aside, skipped roster
 * entries, and texts that matched no job.
 */
import { byId, formatTime, h } from '../lib/dom';
import type { DashboardView } from './api';

/** Shows (or hides) every notice for the board's latest data. */
export function renderBanners(view: DashboardView): void {
  renderUnmatched(view);
  renderQuarantine(view);
  renderRosterProblems(view);
}

/** Records jobs.json set aside as invalid: the board works without them, but someone has to look. */
function renderQuarantine(view: DashboardView): void {
  const kept = view.quarantine ?? [];
  byId('quarantine').hidden = kept.length === 0;
  byId('quarantine').textContent =
    kept.length === 0
      ? ''
      : `${kept.length} record${kept.length === 1 ? '' : 's'} in jobs.json could not be read and ${kept.length === 1 ? 'was' : 'were'} set aside ` +
        `(under "quarantine" in the file): ${kept.slice(0, 3).map((record) => `${record.key} (${record.reason})`).join('; ')}` +
        `${kept.length > 3 ? '; …' : ''}. Everything else works as usual.`;
}

/** Roster entries crew.json had to skip, by name: the rest of the crew keep working meanwhile. */
function renderRosterProblems(view: DashboardView): void {
  const problems = (view as DashboardView & { rosterProblems?: string[] }).rosterProblems ?? [];
  const banner = byId('roster-problems');
  banner.hidden = problems.length === 0;
  banner.textContent = problems.length === 0 ? '' : `Crew roster: ${problems.length} entr${problems.length === 1 ? 'y is' : 'ies are'} skipped until fixed under Crew. ${problems.join('; ')}`;
}

function renderUnmatched(view: DashboardView): void {
  const texts = view.unmatched.filter((m) => m.direction === 'in');
  byId('unmatched').hidden = texts.length === 0;
  byId('unmatched-title').textContent = `Texts that matched no job (${texts.length})`;
  byId('unmatched-list').replaceChildren(
    ...texts
      .slice()
      .reverse()
      .map((m) =>
        h('li', { className: 'message in' }, [
          h('p', { className: 'message-head' }, [
            h('span', { text: `From ${m.from}` }),
            h('time', { text: formatTime(m.at, view.timeZone), attrs: { datetime: m.at } }),
          ]),
          h('p', { className: 'message-body', text: m.body || '(no text)' }),
        ]),
      ),
  );
}

