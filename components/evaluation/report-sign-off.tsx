import { type SignOff, SIGN_OFF_LABELS } from "@/lib/reports/self-evaluation";

/**
 * The sign-off block the official 自评表 ends with: 填报人, 审核人, 单位负责人, 联系电话, 填报日期 and room for the 单位盖章.
 * What the system knows (who finalised, when) is printed; the rest is signed and stamped by hand on paper.
 */
export function ReportSignOff({ signOff }: { signOff: SignOff }) {
  return (
    <table className="form-table mt-4 break-inside-avoid">
      <caption className="sr-only">签章</caption>
      <colgroup>
        <col style={{ width: "12%" }} />
        <col style={{ width: "21%" }} />
        <col style={{ width: "12%" }} />
        <col style={{ width: "21%" }} />
        <col style={{ width: "12%" }} />
        <col />
      </colgroup>
      <tbody>
        <tr>
          <th scope="row">{SIGN_OFF_LABELS.filledBy}</th>
          <td data-testid="sign-off-filled-by">{signOff.filledBy}</td>
          <th scope="row">{SIGN_OFF_LABELS.reviewer}</th>
          <td>{signOff.reviewer}</td>
          <th scope="row">{SIGN_OFF_LABELS.unitHead}</th>
          <td>{signOff.unitHead}</td>
        </tr>
        <tr>
          <th scope="row">{SIGN_OFF_LABELS.phone}</th>
          <td>{signOff.phone}</td>
          <th scope="row">{SIGN_OFF_LABELS.filledOn}</th>
          <td data-testid="sign-off-filled-on">{signOff.filledOn}</td>
          <th scope="row">{SIGN_OFF_LABELS.seal}</th>
          {/* Room for the seal, about 3 cm on paper. */}
          <td className="h-28" />
        </tr>
      </tbody>
    </table>
  );
}
