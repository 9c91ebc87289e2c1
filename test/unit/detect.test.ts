import { describe, expect, it } from 'vitest';
import { detectKind, detectPlatform } from '../../src/io/read/detect.js';

describe('platform detection from headers and titles', () => {
  it.each([
    [['达人昵称', '抖音号or火山号', '直播间用户支付金额'], [], 'douyin'],
    [['商品ID', '商品名称', '用户支付金额', '商品曝光-点击率（人数）'], [], 'douyin'],
    [['场次id', '观看人数', '成交金额（元）', '流量券消耗'], [], 'taobao'],
    [['观看人数', '成交金额'], ['生意参谋-直播-分场次效果 统计时间:2026-11-01~2026-11-30'], 'taobao'],
    [['成交金额', '成交订单数', '退款金额(退款日)', '成交退款订单数'], [], 'kuaishou'],
    [['total_audience_count', 'audiences_avg_seconds', 'pay_gmv', 'max_online_count'], [], 'channels'],
    [['评论时间', '用户昵称', '评论内容'], ['comments.csv'], 'generic'],
    [['观看人数', '成交金额'], [], 'generic'],
  ] as Array<[string[], string[], string]>)('%j %j → %s', (headers, context, platform) => {
    expect(detectPlatform(headers, context)).toBe(platform);
  });
});

describe('table kind from the fields present', () => {
  it.each([
    [['orderId', 'productName', 'orderAmount', 'channel'], 'table', 'orders'],
    [['commentTime', 'nickname', 'commentText'], 'table', 'comments'],
    [['consultTime', 'consultText', 'firstResponse'], 'table', 'consultations'],
    [['personName', 'staffRole', 'gmvTarget'], 'table', 'kpi'],
    [['videoName', 'videoReferrals'], 'table', 'short-video'],
    [['channel', 'uv', 'gmv'], 'table', 'channels'],
    [['time', 'online', 'gmv'], 'table', 'minute-trend'],
    [['productId', 'productName', 'gmv', 'productClickers'], 'table', 'products'],
    [['productName', 'stock', 'supplier', 'productRole'], 'table', 'selection'],
    [['productName', 'stock'], 'table', 'products'],
    [['start', 'uv', 'gmv'], 'table', 'stream-list'],
    [['start', 'uv', 'gmv'], 'single-record', 'stream-summary'],
    [['uv'], 'key-value', 'stream-summary'],
    [['avatar'], 'table', 'unknown'],
  ] as Array<[string[], 'table' | 'single-record' | 'key-value', string]>)('%j (%s) → %s', (fields, layout, kind) => {
    expect(detectKind(new Set(fields), layout)).toBe(kind);
  });
});
