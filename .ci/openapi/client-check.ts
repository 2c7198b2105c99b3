// Compiled by check.sh against the types openapi-typescript generates from the public OpenAPI document: a
// front end's calls, typed end to end. If the contract loses an operation, a field or a schema these use, this
// stops compiling.
import type { components, operations, paths } from './pupitre-api';

type Problem = components['schemas']['Problem'];
type SearchAnswer = operations['searchListings']['responses'][200]['content']['application/json'];
type ListingAnswer = operations['getListing']['responses'][200]['content']['application/json'];
type SignInBody = operations['signIn']['requestBody'] extends { content: { 'application/json': infer B } } ? B : never;
type TooMany = operations['searchListings']['responses'][429]['content']['application/problem+json'];

export function describe(problem: Problem): string {
  return `${problem.status ?? 0} ${problem.title ?? ''}`;
}

export function firstTitle(page: SearchAnswer): string | undefined {
  return page.items?.[0]?.title?.fr ?? page.items?.[0]?.title?.en;
}

export function listingTitle(listing: ListingAnswer): string | undefined {
  return listing.title?.fr ?? listing.title?.en;
}

export const signIn: SignInBody = { email: 'marie@example.ca', password: 'trente ans de métier' };

export function retryLater(problem: TooMany): Problem {
  return problem;
}

export type SearchPath = paths['/api/v1/listings']['get'];
