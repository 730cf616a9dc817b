rule "aws-s3-bucket-access-logging" {
  title     = "S3 bucket does not have server access logging enabled"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_s3_bucket"]
  aliases   = ["CKV_AWS_18", "AVD-AWS-0089", "aws-s3-enable-logging"]

  description = <<-EOT
    Server access logs record every request made to the bucket: requester, object key, operation,
    response and source IP. CloudTrail records bucket-level API calls by default but object reads
    and writes only when data events are configured, so without access logs (or CloudTrail data
    events) there is no record of who read which object during an incident. Logging is the
    customer's configuration under the shared responsibility model. A bucket that receives access
    logs (the `target_bucket` of an `aws_s3_bucket_logging` resource, or a bucket with the
    `log-delivery-write` ACL) is not flagged: logging it to itself would loop, and its own access
    is best recorded by CloudTrail data events.
  EOT
  remediation = "Add an `aws_s3_bucket_logging` resource for the bucket with `target_bucket` set to a dedicated log bucket and a `target_prefix`, or enable CloudTrail S3 data events for it."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/logging-with-S3.html",
  ]

  # A bucket that receives access logs is not asked to log itself.
  when {
    not {
      any {
        attribute "acl" {
          equals = "log-delivery-write"
        }
        linked "aws_s3_bucket_acl" {
          via   = "bucket"
          match = "bucket"
          attribute "acl" {
            equals = "log-delivery-write"
          }
        }
        linked "aws_s3_bucket_logging" {
          via   = "target_bucket"
          match = "bucket"
        }
      }
    }
  }

  assert {
    any {
      # Legacy inline block (deprecated since AWS provider 4.0).
      attribute "logging.target_bucket" {
        present = true
      }
      linked "aws_s3_bucket_logging" {
        via   = "bucket"
        match = "bucket"
        attribute "target_bucket" {
          present = true
        }
      }
    }
  }


  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {  # expect: aws-s3-bucket-access-logging
        bucket = "example-data"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "logs" {
        bucket = "example-access-logs"
      }

      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_logging" "data" {
        bucket        = aws_s3_bucket.data.id
        target_bucket = aws_s3_bucket.logs.id
        target_prefix = "data/"
      }

      resource "aws_s3_bucket_logging" "logs" {
        bucket        = aws_s3_bucket.logs.id
        target_bucket = "example-access-logs-archive"
        target_prefix = "access-logs/"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"

        logging {
          target_bucket = "example-access-logs"
          target_prefix = "data/"
        }
      }
    EOT
  }
  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_logging" "data" {
        bucket        = aws_s3_bucket.data.id
        target_bucket = aws_s3_bucket.logs.id
        target_prefix = "data/"
      }

      # The log bucket itself: the target of the data bucket's logging.
      resource "aws_s3_bucket" "logs" {
        bucket = "example-access-logs"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "logs" {
        bucket = "example-access-logs"
      }

      resource "aws_s3_bucket_acl" "logs" {
        bucket = aws_s3_bucket.logs.id
        acl    = "log-delivery-write"
      }
    EOT
  }
}
