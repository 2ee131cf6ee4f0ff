import { sameSubject, textKey } from './text-key';

const same = (a: string, b: string): boolean => sameSubject(textKey(a), textKey(b));

describe('textKey and sameSubject', () => {
  it('match a blocker however it is retyped', () => {
    expect(same('CRM access', 'Still no CRM access!')).toBe(true);
    expect(same('CRM access', 'crm ACCESS for the Manila team')).toBe(true);
    expect(same('Approval of scripts', 'Script approval')).toBe(true);
    expect(same('Acceso al CRM', 'acceso al crm')).toBe(true);
    expect(same('Café rota', 'cafe rota')).toBe(true);
  });

  it('keep different subjects apart', () => {
    expect(same('CRM access', 'CRM training')).toBe(false);
    expect(same('Dialer outage', 'Payroll file late')).toBe(false);
  });

  it('match text made only of filler words only to itself', () => {
    expect(same('Still waiting', 'still waiting')).toBe(true);
    expect(same('Still waiting', 'Waiting on it')).toBe(false);
  });
});
