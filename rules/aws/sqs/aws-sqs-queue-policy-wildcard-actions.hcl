rule "aws-sqs-queue-policy-wildcard-actions" {
  title     = "SQS queue policy allows every action"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_sqs_queue_policy", "aws_sqs_queue"]
  aliases   = ["AVD-AWS-0097", "aws-sqs-no-wildcards-in-policy-documents"]

  description = <<-EOT
    A queue policy statement that allows `*` or `sqs:*` grants its principals not only sending and
    receiving but also `sqs:DeleteQueue`, `sqs:PurgeQueue` and `sqs:SetQueueAttributes`, which
    rewrites the policy itself. A producer that only needs `sqs:SendMessage` can then destroy the
    queue or open it to other accounts. Least privilege in resource policies is the customer's
    side of the shared responsibility model. The policy is read from `aws_sqs_queue_policy` and
    from the `policy` argument of `aws_sqs_queue`, whether written as a JSON heredoc or with
    `jsonencode`. Severity is high: excessive privilege on the queue.
  EOT
  remediation = <<-EOT
    Allow only the actions each principal needs:

    ```hcl
    resource "aws_sqs_queue_policy" "jobs" {
      queue_url = aws_sqs_queue.jobs.id
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect    = "Allow"
          Principal = { Service = "sns.amazonaws.com" }
          Action    = "sqs:SendMessage"
          Resource  = aws_sqs_queue.jobs.arn
          Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.jobs.arn } }
        }]
      })
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue_policy",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html",
  ]

  assert {
    builtin "iam-no-wildcard-actions" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {
        name = "jobs"
      }

      resource "aws_sqs_queue_policy" "jobs" {
        queue_url = aws_sqs_queue.jobs.id
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "arn:aws:iam::111122223333:root" }
            Action    = "sqs:*"  # expect: aws-sqs-queue-policy-wildcard-actions
            Resource  = aws_sqs_queue.jobs.arn
          }]
        })
      }
    EOT
  }

  example "bad" {
    lines = [3]
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {
        name   = "jobs"
        policy = <<POLICY
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
            "Action": "*",
            "Resource": "*"
          }
        ]
      }
      POLICY
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {
        name = "jobs"
      }

      resource "aws_sqs_queue_policy" "jobs" {
        queue_url = aws_sqs_queue.jobs.id
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "arn:aws:iam::111122223333:root" }
            Action    = ["sqs:SendMessage", "sqs:GetQueueUrl"]
            Resource  = aws_sqs_queue.jobs.arn
          }]
        })
      }
    EOT
  }
}
