rule "aws-cloudwatch-log-group-retention" {
  title     = "CloudWatch log group keeps its logs for less than a year"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_cloudwatch_log_group"]

  description = <<-EOT
    Intrusions are often discovered months after they began; when the application, VPC flow or
    CloudTrail logs of that period have already expired, the investigation has nothing to work
    with. A `retention_in_days` below 365 deletes events sooner than most incident response and
    audit requirements expect. Absent (or `0`), the log group never expires events, which this
    rule accepts. Low: a forensic and compliance gap, not an exposure. How long logs are kept is
    the customer's choice under the shared responsibility model. Log groups of short-lived
    debugging output may have this finding suppressed with the reason.
  EOT
  remediation = <<-EOT
    Keep events for at least a year (or archive them to S3 before they expire):

        resource "aws_cloudwatch_log_group" "app" {
          name              = "/app/api"
          retention_in_days = 365
          kms_key_id        = aws_kms_key.logs.arn
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group",
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
  ]

  assert {
    any {
      attribute "retention_in_days" {
        equals  = 0
        default = 0
      }
      attribute "retention_in_days" {
        gte = 365
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudwatch_log_group" "app" {
        name              = "/app/api"
        retention_in_days = 14  # expect: aws-cloudwatch-log-group-retention
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudwatch_log_group" "app" {
        name              = "/app/api"
        retention_in_days = 400
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudwatch_log_group" "app" {
        name = "/app/api"
      }
    EOT
  }
}
