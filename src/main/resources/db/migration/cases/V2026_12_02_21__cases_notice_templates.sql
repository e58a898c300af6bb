-- The seeded notice templates (issue 5, point 4), editable by administrators as data. Variables in braces:
-- {number}, {customer}, {receivedDate}, {dueDate}, {officer}, {decision}, {reviewUntil}.
insert into case_notice_template (kind, channel, language, subject, body, updated_by, updated_at) values
 ('ACKNOWLEDGEMENT', 'SMS', 'zh-CN', '您的投诉 {number} 已受理', '【福务银行】尊敬的{customer}：您于{receivedDate}提出的投诉（编号 {number}）已受理，由{officer}负责处理，我们将于{dueDate}前告知处理结果。', 'system', current_timestamp),
 ('ACKNOWLEDGEMENT', 'EMAIL', 'zh-CN', '您的投诉 {number} 已受理', '尊敬的{customer}：您于{receivedDate}提出的投诉（编号 {number}）已受理，由{officer}负责处理，我们将于{dueDate}前告知处理结果。', 'system', current_timestamp),
 ('ACKNOWLEDGEMENT', 'LETTER', 'zh-CN', '您的投诉 {number} 已受理', '尊敬的{customer}：您于{receivedDate}提出的投诉（编号 {number}）已受理，由{officer}负责处理，我们将于{dueDate}前告知处理结果。', 'system', current_timestamp),
 ('ACKNOWLEDGEMENT', 'SMS', 'en', 'Your complaint {number} is being handled', '[Fuwu Bank] Dear {customer}, we have received your complaint of {receivedDate} (number {number}). {officer} handles it, and we will tell you our decision by {dueDate}.', 'system', current_timestamp),
 ('ACKNOWLEDGEMENT', 'EMAIL', 'en', 'Your complaint {number} is being handled', 'Dear {customer}, we have received your complaint of {receivedDate} (number {number}). {officer} handles it, and we will tell you our decision by {dueDate}.', 'system', current_timestamp),
 ('ACKNOWLEDGEMENT', 'LETTER', 'en', 'Your complaint {number} is being handled', 'Dear {customer}, we have received your complaint of {receivedDate} (number {number}). {officer} handles it, and we will tell you our decision by {dueDate}.', 'system', current_timestamp),
 ('DECISION', 'SMS', 'zh-CN', '您的投诉 {number} 处理结果', '【福务银行】尊敬的{customer}：关于您的投诉（编号 {number}），处理结果如下：{decision}。如不满意，您可在{reviewUntil}前申请复核。', 'system', current_timestamp),
 ('DECISION', 'EMAIL', 'zh-CN', '您的投诉 {number} 处理结果', '尊敬的{customer}：关于您的投诉（编号 {number}），处理结果如下：{decision}。如不满意，您可在{reviewUntil}前申请复核。', 'system', current_timestamp),
 ('DECISION', 'LETTER', 'zh-CN', '您的投诉 {number} 处理结果', '尊敬的{customer}：关于您的投诉（编号 {number}），处理结果如下：{decision}。如不满意，您可在{reviewUntil}前申请复核。', 'system', current_timestamp),
 ('DECISION', 'SMS', 'en', 'Our decision on your complaint {number}', '[Fuwu Bank] Dear {customer}, our decision on your complaint (number {number}): {decision}. If you disagree, you may ask for a review by {reviewUntil}.', 'system', current_timestamp),
 ('DECISION', 'EMAIL', 'en', 'Our decision on your complaint {number}', 'Dear {customer}, our decision on your complaint (number {number}): {decision}. If you disagree, you may ask for a review by {reviewUntil}.', 'system', current_timestamp),
 ('DECISION', 'LETTER', 'en', 'Our decision on your complaint {number}', 'Dear {customer}, our decision on your complaint (number {number}): {decision}. If you disagree, you may ask for a review by {reviewUntil}.', 'system', current_timestamp),
 ('REVIEW_DECISION', 'SMS', 'zh-CN', '您的投诉 {number} 复核结果', '【福务银行】尊敬的{customer}：关于您的投诉（编号 {number}）的复核申请，复核结果如下：{decision}。', 'system', current_timestamp),
 ('REVIEW_DECISION', 'EMAIL', 'zh-CN', '您的投诉 {number} 复核结果', '尊敬的{customer}：关于您的投诉（编号 {number}）的复核申请，复核结果如下：{decision}。', 'system', current_timestamp),
 ('REVIEW_DECISION', 'LETTER', 'zh-CN', '您的投诉 {number} 复核结果', '尊敬的{customer}：关于您的投诉（编号 {number}）的复核申请，复核结果如下：{decision}。', 'system', current_timestamp),
 ('REVIEW_DECISION', 'SMS', 'en', 'The review of your complaint {number}', '[Fuwu Bank] Dear {customer}, the review of your complaint (number {number}) has been decided: {decision}.', 'system', current_timestamp),
 ('REVIEW_DECISION', 'EMAIL', 'en', 'The review of your complaint {number}', 'Dear {customer}, the review of your complaint (number {number}) has been decided: {decision}.', 'system', current_timestamp),
 ('REVIEW_DECISION', 'LETTER', 'en', 'The review of your complaint {number}', 'Dear {customer}, the review of your complaint (number {number}) has been decided: {decision}.', 'system', current_timestamp);
