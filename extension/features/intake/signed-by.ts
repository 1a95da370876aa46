type Signature = { signerName: string; guardian?: { name: string; relationship: string } | null };

/**
 * Who signed, and for whom, in words. A guardian signs for the person the form
 * is about (the lead or patient), so the line never reads as a guardian
 * signing for themselves: "Signed by Gus Minor (Father) for Mina Minor". Without
 * a guardian the signer signs for themselves (the name they typed is theirs).
 */
export function signedBy(sig: Signature, subjectName: string | null): string {
  if (sig.guardian)
    return `Signed by ${sig.guardian.name} (${sig.guardian.relationship}) for ${subjectName ?? 'the patient'}`;
  return `Signed by ${sig.signerName}`;
}
