import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { Alert, ConfirmModal, ErrorAlert, Modal, NotFound, Page } from "@samtykke/web-kit";
import { useAuthorityLive } from "../../app/live.js";
import { useLanguage } from "../../lib/i18n.js";
import { TemplatePreview } from "../../lib/TemplatePreview.js";
import { CAMPAIGNS, CREATE_TEMPLATE, PUBLISH, PUBLISHED_OF_KEY, RETIRE, START_CAMPAIGN, TEMPLATE_DETAIL, UPDATE_DRAFT, type DraftInput, type TemplateDetail } from "./operations.js";
import { TemplateDiff } from "./TemplateDiff.js";
import { draftFrom, TemplateEditor } from "./TemplateEditor.js";
import { TemplateReadability, tooHard } from "./TemplateReadability.js";
import { TemplateRules } from "./TemplateRules.js";

/** A new template, or (`?fra=<id>`) the next version of one, started from that version's texts. */
export function NewTemplatePage() {
  const { t } = useLanguage();
  const { authorityId } = useAuthorityLive();
  const navigate = useNavigate();
  const from = useSearchParams()[0].get("fra");
  const source = useQuery(TEMPLATE_DETAIL, { variables: { id: from ?? "" }, skip: !from });
  const [key, setKey] = useState<string>();
  const [preview, setPreview] = useState<DraftInput>();
  const [create, creating] = useMutation(CREATE_TEMPLATE);
  if (from && !source.data) return source.error ? <ErrorAlert error={source.error} /> : <p role="status">{t("loading")}</p>;
  const base = source.data?.template;
  const initial = draftFrom(base);
  return (
    <Page title={base ? t("newVersionOf").replace("{key}", base.key) : t("newTemplate")}>
      <div className="row">
        <div className="col-12 col-lg-7">
          <TemplateEditor
            initial={initial}
            keyField={{ value: key ?? base?.key ?? "", editable: !base, onChange: setKey }}
            error={creating.error}
            saving={creating.loading}
            submitLabel={t("saveDraft")}
            onChange={setPreview}
            onSubmit={(draft) =>
              void create({ variables: { input: { ...draft, authorityId, key: (key ?? base?.key ?? "").trim() } } }).then(
                ({ data }) => data && navigate(`/skabeloner/${data.createTemplate.id}`, { state: { saved: true } }),
                () => {},
              )
            }
          />
        </div>
        <div className="col-12 col-lg-5">
          <TemplatePreview template={preview ?? initial} />
        </div>
      </div>
    </Page>
  );
}

/** Publishing, with the choice to ask holders of earlier versions to consent again. */
function PublishDialog({ template, holders, onClose, onDone }: { template: TemplateDetail; holders: number; onClose: () => void; onDone: (result: string) => void }) {
  const { t } = useLanguage();
  const [askAgain, setAskAgain] = useState(holders > 0);
  const [reason, setReason] = useState("");
  const hard = tooHard(template);
  const [publish, publishing] = useMutation(PUBLISH);
  const [reconsent, reconsenting] = useMutation(START_CAMPAIGN);
  const error = publishing.error ?? reconsenting.error;
  const busy = publishing.loading || reconsenting.loading;
  const go = async () => {
    if (busy) return;
    try {
      await publish({ variables: { id: template.id, readabilityReason: hard.length ? reason : null } });
      if (askAgain && holders > 0) {
        // Answers at once; the campaign asks in the background and its progress shows on the page.
        await reconsent({ variables: { templateId: template.id } });
        onDone(t("publishedAndCampaign"));
      } else {
        onDone(t("publishedDone"));
      }
    } catch {
      // Shown in the dialog.
    }
  };
  return (
    <Modal
      title={t("publishTitle").replace("{n}", String(template.version))}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button-primary" onClick={() => void go()}>
            {t("publish")}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t("cancelAction")}
          </button>
        </>
      }
    >
      {error && <ErrorAlert error={error} />}
      <p>{t("publishConsequence")}</p>
      {hard.length > 0 && (
        <div className="form-group">
          <label htmlFor="publish-readability-reason" className="form-label">
            {t("publishReasonLabel")}
          </label>
          <span id="publish-readability-hint" className="form-hint">
            {t("publishHardTexts").replace("{n}", String(hard.length))}
          </span>
          <textarea
            id="publish-readability-reason"
            className="form-input"
            rows={3}
            maxLength={1000}
            aria-describedby="publish-readability-hint"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      )}
      {holders > 0 && (
        <div className="form-group form-group-checkbox">
          <input id="publish-reconsent" type="checkbox" className="form-checkbox" checked={askAgain} onChange={(e) => setAskAgain(e.target.checked)} />
          <label htmlFor="publish-reconsent">{t("askHolders").replace("{n}", String(holders))}</label>
        </div>
      )}
    </Modal>
  );
}

/** A re-consent campaign's progress, followed while it runs and as citizens answer. */
function CampaignProgress({ templateId }: { templateId: string }) {
  const { t, dateTime } = useLanguage();
  const { changes } = useAuthorityLive();
  const { data, refetch, startPolling, stopPolling } = useQuery(CAMPAIGNS, { variables: { templateId }, fetchPolicy: "cache-and-network" });
  const campaign = data?.reconsentCampaigns[0];
  const running = campaign?.status === "RUNNING";
  useEffect(() => {
    if (running) startPolling(1_000);
    else stopPolling();
    return stopPolling;
  }, [running, startPolling, stopPolling]);
  useEffect(() => {
    if (changes) void refetch();
  }, [changes, refetch]);
  if (!campaign) return null;
  const handled = campaign.requested + campaign.skipped;
  return (
    <section aria-labelledby="campaign-title" className="mb-6">
      <h2 id="campaign-title" className="h3">
        {t("campaignTitle")}
      </h2>
      <p>{running ? t("campaignRunning").replace("{date}", dateTime(campaign.startedAt)) : t("campaignDone").replace("{date}", dateTime(campaign.finishedAt ?? campaign.startedAt))}</p>
      <label htmlFor="campaign-progress" className="form-label">
        {t("campaignProgress").replace("{handled}", String(handled)).replace("{total}", String(campaign.total))}
      </label>
      <progress id="campaign-progress" max={Math.max(campaign.total, 1)} value={campaign.total ? handled : 1} style={{ width: "100%", maxWidth: "30rem", height: "1.5rem" }} />
      <dl className="summary-list mt-4" aria-label={t("campaignTitle")}>
        {(
          [
            ["campaignSent", campaign.requested],
            ["campaignSkipped", campaign.skipped],
            ["campaignGiven", campaign.answers.given],
            ["campaignDeclined", campaign.answers.declined],
            ["campaignUnanswered", campaign.answers.unanswered],
          ] as const
        ).map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One template version: a draft is edited, compared with what is published, previewed and published; a published one can be retired or get a new version. */
export function TemplatePage() {
  const { id = "" } = useParams();
  const { t, pick } = useLanguage();
  const { authorityId } = useAuthorityLive();
  const { data, error, loading, refetch } = useQuery(TEMPLATE_DETAIL, { variables: { id }, fetchPolicy: "cache-and-network" });
  const template = data?.template;
  const published = useQuery(PUBLISHED_OF_KEY, { variables: { authorityId, key: template?.key ?? "" }, skip: !template, fetchPolicy: "cache-and-network" });
  const [update, updating] = useMutation(UPDATE_DRAFT);
  const [retire, retiring] = useMutation(RETIRE);
  const [draft, setDraft] = useState<DraftInput>();
  const [dialog, setDialog] = useState<"publish" | "retire">();
  const [notice, setNotice] = useState<string>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const say = (text: string) => {
    setNotice(text);
    setTimeout(() => noticeRef.current?.focus(), 0);
  };

  if (loading && !data) return <p role="status">{t("loading")}</p>;
  if (!template) return error && !/NOT_FOUND|FORBIDDEN/.test(JSON.stringify(error)) ? <ErrorAlert error={error} /> : <NotFound />;
  const current = published.data?.templates.find((other) => other.key === template.key && other.id !== template.id);
  const holders = published.data?.consents.totalCount ?? 0;
  const shown = draft ?? draftFrom(template);

  return (
    <Page title={`${pick(template.title)} (v${template.version})`}>
      <p className="font-lead">
        {t("templateKey")}: {template.key} · {t(`templateStatus_${template.status}`)}
      </p>
      <div role="status" tabIndex={-1} ref={noticeRef}>
        {notice && (
          <Alert kind="success">
            <p className="alert-text">{notice}</p>
          </Alert>
        )}
      </div>
      {retiring.error && <ErrorAlert error={retiring.error} />}
      {template.status === "DRAFT" ? (
        <div className="row">
          <div className="col-12 col-lg-7">
            <TemplateEditor
              key={template.id}
              initial={draftFrom(template)}
              error={updating.error}
              saving={updating.loading}
              submitLabel={t("saveDraft")}
              onChange={setDraft}
              onSubmit={(input) =>
                void update({ variables: { id: template.id, input } }).then(
                  () => {
                    void refetch();
                    say(t("draftSaved"));
                  },
                  () => {},
                )
              }
            />
            <div className="mt-6">
              <button
                type="button"
                className="button button-primary"
                onClick={() => (draft && JSON.stringify(draft) !== JSON.stringify(draftFrom(template)) ? say(t("saveFirst")) : setDialog("publish"))}
              >
                {t("publishVersion").replace("{n}", String(template.version))}
              </button>
              <p className="form-hint">{t("publishHint")}</p>
            </div>
          </div>
          <div className="col-12 col-lg-5">
            <TemplateReadability template={template} />
            {current && <TemplateDiff draft={shown} published={current} />}
            <TemplatePreview template={shown} />
          </div>
        </div>
      ) : (
        <>
          <div className="mb-6">
            {template.status === "PUBLISHED" && (
              <>
                <Link to={`/skabeloner/ny?fra=${template.id}`} className="button button-primary mr-5">
                  {t("newVersion")}
                </Link>
                <button type="button" className="button button-secondary" onClick={() => setDialog("retire")}>
                  {t("retire")}
                </button>
              </>
            )}
          </div>
          <CampaignProgress templateId={template.id} />
          <TemplateRules template={template} />
          <TemplateReadability template={template} />
          <TemplatePreview template={template} />
        </>
      )}
      {dialog === "publish" && (
        <PublishDialog
          template={template}
          holders={holders}
          onClose={() => setDialog(undefined)}
          onDone={(text) => {
            setDialog(undefined);
            void refetch();
            void published.refetch();
            say(text);
          }}
        />
      )}
      {dialog === "retire" && (
        <ConfirmModal
          title={t("retireTitle").replace("{n}", String(template.version))}
          confirmLabel={t("retire")}
          onClose={() => setDialog(undefined)}
          onConfirm={() =>
            void retire({ variables: { id: template.id } }).then(
              () => {
                void refetch();
                say(t("retiredDone"));
              },
              () => {},
            )
          }
        >
          <p>{t("retireConsequence")}</p>
        </ConfirmModal>
      )}
    </Page>
  );
}
