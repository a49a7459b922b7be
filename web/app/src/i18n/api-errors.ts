import type { ErrorCode } from '../../../../shared/domain/error-codes.js';
import type { Messages } from './messages.js';

/*
 * The console's text for every API error code, by context and name (`contact.email_taken` is
 * `apiErrors.contact.email_taken`, so i18next's own key separator splits it). The console merges
 * them under the key `apiErrors`; api/api-error.ts shows these instead of the API's English text,
 * and the API's text only for a code it does not know.
 */

type ContextOf<C> = C extends `${infer Context}.${string}` ? Context : never;
type NameOf<C, Context extends string> = C extends `${Context}.${infer Name}` ? Name : never;

/** Exactly the declared codes: a new code does not compile until it has a text, a removed one until its text goes. */
type ApiErrorTexts = { [Context in ContextOf<ErrorCode>]: { [Name in NameOf<ErrorCode, Context>]: string } };

export const apiErrorsEn = {
  request: {
    validation_failed: 'Some fields need your attention.',
    invalid_json: 'The request could not be read. Reload the page and try again.',
    body_too_large: 'This is too much data to save at once.',
    version_required: 'The version being edited was not sent. Reload and try again.',
    stale_version:
      'Someone else saved this record after you opened it. Reload to see the latest version, then apply your change again.',
    idempotency_key_reused: 'This request was already sent with different content. Reload and try again.',
    idempotency_in_progress: 'The same request is still being processed. Try again in a moment.',
    route_not_found: 'This address does not exist.',
  },
  auth: {
    unauthorized: 'Your session has ended. Sign in again.',
    forbidden: 'Your role does not allow this.',
  },
  record: { assign_forbidden: 'You cannot make that person the owner of this record.' },
  job: { not_found: 'This job does not exist (any more).' },
  service: { unavailable: 'The service is busy. Try again in a moment.' },
  internal: { error: 'Something went wrong on our side.' },
  audit: { exists: 'This audit record already exists and cannot be changed.' },
  contact: {
    not_found: 'This contact does not exist or is not visible to you.',
    deleted: 'This contact is deleted. Restore it first.',
    email_taken: 'Another contact already has this e-mail.',
  },
  company: {
    not_found: 'This company does not exist or is not visible to you.',
    deleted: 'This company is deleted. Restore it first.',
    domain_taken: 'Another company already has this domain.',
  },
  customField: {
    not_found: 'This custom field does not exist.',
    key_taken: 'A field with this key already exists.',
    sensitive_forbidden: 'Your role may not change sensitive fields.',
  },
  deal: {
    not_found: 'This deal does not exist or is not visible to you.',
    deleted: 'This deal is deleted.',
  },
  pipeline: {
    not_found: 'This pipeline does not exist.',
    stage_in_use: 'Stages that still have deals cannot be removed. Move the deals out first.',
  },
  quote: {
    not_found: 'This quote does not exist or is not visible to you.',
    invalid_transition: 'The quote cannot move to this status from its current one.',
    not_editable: 'Only draft quotes can be edited.',
    number_taken: 'Another quote took this number. Try again.',
  },
  product: {
    not_found: 'This product does not exist.',
    sku_taken: 'Another product already has this SKU.',
  },
  contract: {
    not_found: 'This contract does not exist or is not visible to you.',
    closed: 'This contract is closed and cannot be changed.',
    not_renewable: 'Only an active contract can be renewed.',
    draft: 'A draft contract takes no payments. Activate it first.',
    conflict: 'The contract changed meanwhile. Reload and try again.',
  },
  attachment: {
    not_found: 'This attachment does not exist.',
    too_large: 'The file is too large.',
    unsupported_type: 'This file type is not accepted.',
    exists: 'The upload clashed with another one. Try again.',
    not_uploaded: 'The file has not arrived yet. Upload it, then confirm.',
    size_mismatch: 'The stored file does not have the declared size. Upload it again.',
    changed: 'The attachment changed meanwhile. Reload and try again.',
  },
  lead: {
    assign_forbidden: 'Your role can add leads to the pool, not assign them.',
    team_forbidden: 'You can only add leads to your own teams.',
  },
  leadPool: {
    claim_limit: 'You hold as many pool leads as your team allows. Release or convert one first.',
    cooldown: 'You released this lead recently; you can claim it again later.',
    already_claimed: 'Someone claimed this lead first.',
    not_a_lead: 'Only a contact in the lead stage can go back to the pool.',
    changed: 'The lead changed meanwhile. Reload and try again.',
  },
  task: {
    not_found: 'This task does not exist or is not visible to you.',
    delete_forbidden: 'Only the creator, a manager of its team or an admin may delete a task.',
    team_forbidden: 'Only managers of this team and admins see its tasks.',
    assign_forbidden: 'You cannot assign this task to that person.',
  },
  activity: {
    not_found: 'This activity does not exist.',
    author_only: 'Only its author or an admin may change an activity.',
  },
  team: {
    not_found: 'This team does not exist.',
    has_records: 'This team still has contacts or companies. Reassign them to someone outside the team first.',
    membership_changed: 'A member’s teams changed meanwhile. Try again.',
  },
  reassignment: { not_found: 'This reassignment does not exist.' },
  businessCalendar: {
    not_found: 'This business calendar does not exist.',
    no_open_hours: 'This calendar has no open hours in the next three years. Add opening hours or remove holidays.',
  },
  slaPolicy: { not_found: 'This SLA policy does not exist.' },
  user: {
    not_found: 'This user does not exist.',
    exists: 'This user already exists.',
    email_taken: 'A staff user with this e-mail already exists.',
    admin_role_forbidden: 'Only an admin can grant or remove the admin role.',
    last_admin: 'This is the last active admin. Make someone else admin first.',
  },
  invitation: { invalid: 'This link has expired or was already used.' },
  mfa: {
    enrolment_required: 'Set up an authenticator app on the Account security page before using Cirrus CRM.',
    code_invalid: 'That code is not valid. Enter the current 6-digit code.',
    not_started: 'Start the authenticator set-up first.',
    access_token_required: 'Sign in again to set up an authenticator app.',
    access_token_mismatch: 'Sign in again to set up an authenticator app.',
  },
  notification: {
    not_found: 'This notification does not exist.',
    exists: 'You were already notified of this.',
    already_read: 'This notification is already read.',
  },
  reminder: { already_fired: 'This reminder was already sent.' },
  quota: { out_of_scope: 'You can set the quotas of your teams’ members only.' },
} satisfies ApiErrorTexts;

export const apiErrorsZhCN: Messages<typeof apiErrorsEn> = {
  request: {
    validation_failed: '部分字段需要修改。',
    invalid_json: '无法读取该请求，请刷新页面后重试。',
    body_too_large: '一次保存的数据过多。',
    version_required: '未发送正在编辑的版本，请重新加载后重试。',
    stale_version: '在您打开之后，其他人保存了这条记录。请重新加载以查看最新版本，然后再次进行修改。',
    idempotency_key_reused: '该请求已以不同内容发送过，请重新加载后重试。',
    idempotency_in_progress: '相同的请求仍在处理中，请稍后重试。',
    route_not_found: '该地址不存在。',
  },
  auth: {
    unauthorized: '您的会话已结束，请重新登录。',
    forbidden: '您的角色无权执行此操作。',
  },
  record: { assign_forbidden: '您不能将此记录的负责人设为该用户。' },
  job: { not_found: '该任务不存在（或已不存在）。' },
  service: { unavailable: '服务繁忙，请稍后重试。' },
  internal: { error: '服务器出了点问题。' },
  audit: { exists: '该审计记录已存在，不能修改。' },
  contact: {
    not_found: '该联系人不存在，或您无权查看。',
    deleted: '该联系人已删除，请先恢复。',
    email_taken: '已有其他联系人使用此邮箱。',
  },
  company: {
    not_found: '该公司不存在，或您无权查看。',
    deleted: '该公司已删除，请先恢复。',
    domain_taken: '已有其他公司使用此域名。',
  },
  customField: {
    not_found: '该自定义字段不存在。',
    key_taken: '已存在使用此键的字段。',
    sensitive_forbidden: '您的角色不能修改敏感字段。',
  },
  deal: {
    not_found: '该商机不存在，或您无权查看。',
    deleted: '该商机已删除。',
  },
  pipeline: {
    not_found: '该销售管道不存在。',
    stage_in_use: '仍有商机的阶段不能删除，请先移走这些商机。',
  },
  quote: {
    not_found: '该报价单不存在，或您无权查看。',
    invalid_transition: '报价单不能从当前状态变为该状态。',
    not_editable: '只有草稿报价单可以编辑。',
    number_taken: '该编号已被其他报价单占用，请重试。',
  },
  product: {
    not_found: '该产品不存在。',
    sku_taken: '已有其他产品使用此 SKU。',
  },
  contract: {
    not_found: '该合同不存在，或您无权查看。',
    closed: '该合同已关闭，不能修改。',
    not_renewable: '只有生效中的合同可以续约。',
    draft: '草稿合同不能登记回款，请先生效。',
    conflict: '合同已被修改，请重新加载后重试。',
  },
  attachment: {
    not_found: '该附件不存在。',
    too_large: '文件过大。',
    unsupported_type: '不接受此文件类型。',
    exists: '上传与另一个上传冲突，请重试。',
    not_uploaded: '文件尚未到达，请先上传再确认。',
    size_mismatch: '存储的文件大小与声明的不符，请重新上传。',
    changed: '附件已被修改，请重新加载后重试。',
  },
  lead: {
    assign_forbidden: '您的角色只能将线索放入公海，不能分配。',
    team_forbidden: '您只能向自己的团队添加线索。',
  },
  leadPool: {
    claim_limit: '你持有的公海线索已达团队上限，请先退回或转化一条。',
    cooldown: '你最近退回过这条线索，冷却期后才能再次领取。',
    already_claimed: '这条线索已被他人领取。',
    not_a_lead: '只有处于线索阶段的联系人才能退回公海。',
    changed: '线索已被修改，请重新加载后重试。',
  },
  task: {
    not_found: '该任务不存在，或您无权查看。',
    delete_forbidden: '只有创建人、所在团队的经理或管理员可以删除任务。',
    team_forbidden: '只有该团队的经理和管理员可以查看其任务。',
    assign_forbidden: '您不能将此任务分配给该用户。',
  },
  activity: {
    not_found: '该活动不存在。',
    author_only: '只有作者或管理员可以修改活动。',
  },
  team: {
    not_found: '该团队不存在。',
    has_records: '该团队仍有联系人或公司，请先将其转给团队以外的人。',
    membership_changed: '成员的团队已被修改，请重试。',
  },
  reassignment: { not_found: '该批量转移不存在。' },
  businessCalendar: {
    not_found: '该工作日历不存在。',
    no_open_hours: '该日历在未来三年内没有任何工作时间，请添加工作时间或删除节假日。',
  },
  slaPolicy: { not_found: '该 SLA 策略不存在。' },
  user: {
    not_found: '该用户不存在。',
    exists: '该用户已存在。',
    email_taken: '已有员工使用此邮箱。',
    admin_role_forbidden: '只有管理员可以授予或撤销管理员角色。',
    last_admin: '这是最后一位在职管理员，请先将其他人设为管理员。',
  },
  invitation: { invalid: '该链接已过期或已被使用。' },
  mfa: {
    enrolment_required: '请先在“账户安全”页面设置身份验证器应用，然后再使用 Cirrus CRM。',
    code_invalid: '验证码无效，请输入当前的 6 位验证码。',
    not_started: '请先开始设置身份验证器。',
    access_token_required: '请重新登录后再设置身份验证器应用。',
    access_token_mismatch: '请重新登录后再设置身份验证器应用。',
  },
  notification: {
    not_found: '该通知不存在。',
    exists: '您已收到过此通知。',
    already_read: '该通知已读。',
  },
  reminder: { already_fired: '该提醒已发送。' },
  quota: { out_of_scope: '您只能设置本团队成员的配额。' },
};
