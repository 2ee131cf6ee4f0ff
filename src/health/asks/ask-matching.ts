/** What an answer to a report's ask is kept as: the position it answered and the words asked there. */
export interface AnswerToAsk {
  askIndex: number;
  askText: string;
}

/**
 * The answer to the ask at `index` reading `text`: the one given at that position while it
 * still reads the same; else one given to the same words at another position (the vendor
 * reordered the asks). An answer kept for a position whose ask was rewritten answers nothing.
 * Health and the digest both read answers this way.
 */
export function answerTo<A extends AnswerToAsk>(
  answers: readonly A[],
  index: number,
  text: string,
): A | undefined {
  return (
    answers.find((a) => a.askIndex === index && a.askText === text) ?? answers.find((a) => a.askText === text)
  );
}
