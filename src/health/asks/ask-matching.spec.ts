import { answerTo } from './ask-matching';

const answer = (askIndex: number, askText: string, id = `${askIndex}:${askText}`) => ({
  id,
  askIndex,
  askText,
});

describe('answerTo', () => {
  it('takes the answer given at the same position while the ask there reads the same', () => {
    expect(answerTo([answer(0, 'A'), answer(1, 'B')], 1, 'B')?.id).toBe('1:B');
  });

  it('follows an ask the vendor moved to another position', () => {
    expect(answerTo([answer(1, 'B')], 0, 'B')?.id).toBe('1:B');
  });

  it('counts nothing for a position whose ask was rewritten', () => {
    expect(answerTo([answer(0, 'Old words')], 0, 'New words')).toBeUndefined();
  });

  it('prefers the same position when the same words were asked twice', () => {
    const answers = [answer(0, 'Same', 'first'), answer(2, 'Same', 'third')];
    expect(answerTo(answers, 2, 'Same')?.id).toBe('third');
    expect(answerTo(answers, 1, 'Same')?.id).toBe('first');
  });
});
