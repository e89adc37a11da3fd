// Unit tests for finding the claim inside a claim-check question (src/answering/claim.ts).

import { describe, expect, it } from 'vitest';
import { claimIn } from '../../src/answering/claim.ts';

describe('claims to check', () => {
  it.each([
    ["Someone's written that D&C came out on 31 July 2025 - that right?", 'D&C came out on 31 July 2025'],
    ['a paper says GMP left special measures on 28 October 2022, is that correct?', 'GMP left special measures on 28 October 2022'],
    ['The Guardian reported that Notts went into Engage in 2023. Correct?', 'Notts went into Engage in 2023'],
    ['Is it true that the Met left engage in February 2025?', 'the Met left engage in February 2025'],
    ['Can you check whether Lincs is still in Engage?', 'Lincs is still in Engage'],
    ['I read that Lincs is still in engage', 'Lincs is still in engage'],
    ['Fact check: "West Mids left in September 2024"', 'West Mids left in September 2024'],
    ['The Met came out in January 2025, right?', 'The Met came out in January 2025'],
  ])('%j → %j', (question, claim) => {
    expect(claimIn(question)?.text).toEqual(claim);
  });

  it.each([
    'What did Priti Patel say about the Met?',
    'Which forces said they would appeal?',
    'Is Lincs in Engage, right?',
    'lincs said it was unfair',
    'Who is right?',
    'Is that right?',
    "Sadiq Khan said Londoners deserved a 'step change' - a step change in what, exactly?",
  ])('no claim in %j', (question) => {
    expect(claimIn(question)).toBeUndefined();
  });
});
