/**
 * A colour per community for "Colour by community": twelve that tell apart on the white canvas
 * (Tableau's 10 and two more), the largest community first. Past twelve, and for nodes alone,
 * one grey: a thirteenth hue would look like one of the first twelve.
 */
import type { Communities } from './communities.ts';

export const COMMUNITY_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#2f4b7c',
  '#a05195',
  '#003f5c',
] as const;
export const OTHER_COMMUNITY = '#9aa5b4';

export function communityColour(community: { number: number; members: readonly string[] }): string {
  if (community.members.length < 2) return OTHER_COMMUNITY;
  return COMMUNITY_PALETTE[community.number - 1] ?? OTHER_COMMUNITY;
}

/** node → the colour of its community */
export function communityColours(communities: Communities): Map<string, string> {
  const colours = new Map<string, string>();
  for (const c of communities.list) {
    const colour = communityColour(c);
    for (const n of c.members) colours.set(n, colour);
  }
  return colours;
}
