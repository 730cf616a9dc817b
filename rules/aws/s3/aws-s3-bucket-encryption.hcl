rule "aws-s3-bucket-encryption" {
  title     = "S3 bucket does not declare a default server-side encryption configuration"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_s3_bucket"]
  aliases   = ["CKV_AWS_19", "AVD-AWS-0088", "aws-s3-enable-bucket-encryption"]
  compliance = {
    "cis-aws-1.4" = ["2.1.1"]
  }

  description = <<-EOT
    Since January 2023 Amazon S3 encrypts every new object with SSE-S3 (AES-256, keys owned by
    AWS) when a bucket has no default encryption of its own, so a bucket without this setting is
    not stored in plaintext. What is missing is the customer's own decision: which algorithm, and
    whether a KMS key the customer controls (with its key policy, CloudTrail record of each use and
    the ability to revoke access by disabling the key) protects the data. The choice of key and who
    may use it stays with the customer under the shared responsibility model; AWS only supplies the
    fallback. Declaring the configuration in Terraform also keeps the setting under review and
    detects drift. This rule finds buckets for which neither the deprecated inline
    `server_side_encryption_configuration` block nor an
    `aws_s3_bucket_server_side_encryption_configuration` resource for the same bucket declares an
    algorithm.
  EOT
  remediation = "Add an `aws_s3_bucket_server_side_encryption_configuration` resource whose `bucket` is this bucket, with `rule.apply_server_side_encryption_by_default.sse_algorithm` set (`aws:kms` with a customer-managed `kms_master_key_id` for sensitive data, or `AES256`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html",
  ]

  assert {
    any {
      attribute "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm" {
        present = true
      }
      linked "aws_s3_bucket_server_side_encryption_configuration" {
        via   = "bucket"
        match = "bucket"
        attribute "rule.apply_server_side_encryption_by_default.sse_algorithm" {
          present = true
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {  # expect: aws-s3-bucket-encryption
        bucket = "example-data"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {  # expect: aws-s3-bucket-encryption
        bucket = "example-data"
      }

      resource "aws_s3_bucket" "other" {
        bucket = "example-other"
      }

      # Encryption is declared, but for another bucket.
      resource "aws_s3_bucket_server_side_encryption_configuration" "other" {
        bucket = aws_s3_bucket.other.id

        rule {
          apply_server_side_encryption_by_default {
            sse_algorithm = "AES256"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "data" {
        description         = "Key for example-data"
        enable_key_rotation = true
      }

      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
        bucket = aws_s3_bucket.data.id

        rule {
          apply_server_side_encryption_by_default {
            sse_algorithm     = "aws:kms"
            kms_master_key_id = aws_kms_key.data.arn
          }
          bucket_key_enabled = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      # Linked by the bucket name rather than by reference.
      resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
        bucket = "example-data"

        rule {
          apply_server_side_encryption_by_default {
            sse_algorithm = "AES256"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # Legacy inline form (deprecated since AWS provider 4.0, still accepted).
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"

        server_side_encryption_configuration {
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "AES256"
            }
          }
        }
      }
    EOT
  }
}
