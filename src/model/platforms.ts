/** The platforms liveops reads exports of, as the team names them. */
export type PlatformId = 'douyin' | 'taobao' | 'kuaishou' | 'channels' | 'generic';

export const PLATFORM_LABELS: Record<PlatformId, { zh: string; en: string }> = {
  douyin: { zh: '抖音', en: 'Douyin' },
  taobao: { zh: '淘宝直播', en: 'Taobao Live' },
  kuaishou: { zh: '快手', en: 'Kuaishou' },
  channels: { zh: '视频号', en: 'WeChat Channels' },
  generic: { zh: '通用', en: 'generic' },
};
