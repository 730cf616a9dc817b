rule "aws-cloudtrail-bucket-access-logging" {
  title     = "S3 bucket receiving CloudTrail logs has no server access logging"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_s3_bucket"]
  aliases   = ["AVD-AWS-0163", "aws-cloudtrail-require-bucket-access-logging"]
  compliance = {
    "cis-aws-1.2" = ["2.6"]
    "cis-aws-1.4" = ["3.6"]
    "cis-aws-3.0" = ["3.4"]
  }

  description = <<-EOT
    The bucket a trail delivers to holds the account's audit record, so who reads, copies or
    deletes those log files is itself worth recording. CloudTrail does not log object-level reads
    of its own bucket unless data events are on; S3 server access logging records every request
    to the bucket, including attempts to tamper with the trail's files. This rule applies to the
    buckets an `aws_cloudtrail` names in `s3_bucket_name` (by reference or by the bucket's name),
    and accepts an inline `logging` block (provider versions before 4.0) or an
    `aws_s3_bucket_logging` for the bucket. Low: a gap in the audit of the audit log. Logging is
    the customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Send the trail bucket's access logs to a separate logging bucket:

        resource "aws_s3_bucket_logging" "trail" {
          bucket        = aws_s3_bucket.trail.id
          target_bucket = aws_s3_bucket.access_logs.id
          target_prefix = "cloudtrail/"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
  ]

  when {
    linked "aws_cloudtrail" {
      via   = "s3_bucket_name"
      match = "bucket"
    }
  }

  assert {
    any {
      attribute "logging.target_bucket" {
        present = true
      }
      linked "aws_s3_bucket_logging" {
        via   = "bucket"
        match = "bucket"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "trail" {  # expect: aws-cloudtrail-bucket-access-logging
        bucket = "org-trail-logs"
      }

      resource "aws_cloudtrail" "main" {
        name           = "main"
        s3_bucket_name = aws_s3_bucket.trail.id
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "trail" {
        bucket = "org-trail-logs"
      }

      resource "aws_s3_bucket_logging" "trail" {
        bucket        = aws_s3_bucket.trail.id
        target_bucket = "org-access-logs"
        target_prefix = "cloudtrail/"
      }

      resource "aws_cloudtrail" "main" {
        name           = "main"
        s3_bucket_name = "org-trail-logs"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "assets" {
        bucket = "site-assets"
      }
    EOT
  }
}
