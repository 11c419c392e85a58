import { describe, expect, it } from 'vitest';
import {
  availablePublicationActions,
  editOutcome,
  type PublicationAction,
  type PublicationState,
  publicationTransition,
} from './publication.js';

describe('P1, P11: the publication workflow', () => {
  const allowed: [PublicationState, PublicationAction, PublicationState][] = [
    ['draft', 'submit', 'submitted'],
    ['submitted', 'return', 'draft'],
    ['submitted', 'publish', 'published'],
    ['published', 'withdraw', 'withdrawn'],
    ['published', 'supersede', 'superseded'],
  ];
  it.each(allowed)('P1: %s --%s--> %s', (from, action, to) => {
    expect(publicationTransition(from, action)).toEqual({ allowed: true, to });
  });

  it('P11: every other move is refused with a message naming the state', () => {
    const states: PublicationState[] = ['draft', 'submitted', 'published', 'superseded', 'withdrawn'];
    const actions: PublicationAction[] = ['submit', 'return', 'publish', 'withdraw', 'supersede'];
    for (const state of states)
      for (const action of actions) {
        if (allowed.some(([f, a]) => f === state && a === action)) continue;
        const outcome = publicationTransition(state, action);
        expect(outcome.allowed, `${state} ${action}`).toBe(false);
      }
    expect(publicationTransition('draft', 'publish')).toEqual({
      allowed: false,
      message: '当前状态为“草稿”，不能发布（仅“待审核”状态可以）',
    });
    expect(publicationTransition('withdrawn', 'withdraw')).toMatchObject({
      message: expect.stringContaining('当前状态为“已撤下”'),
    });
  });

  it('P11: a draft is edited in place, a published or withdrawn version gets a new version', () => {
    expect(editOutcome('draft')).toBe('inPlace');
    expect(editOutcome('submitted')).toBe('refused');
    expect(editOutcome('published')).toBe('newVersion');
    expect(editOutcome('withdrawn')).toBe('newVersion');
    expect(availablePublicationActions('submitted')).toEqual(['return', 'publish']);
  });
});
