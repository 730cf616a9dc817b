rule "aws-s3-bucket-encryption-customer-key" {
  title     = "S3 bucket default encryption does not use a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_s3_bucket"]
  aliases   = ["AVD-AWS-0132", "aws-s3-encryption-customer-key"]

  description = <<-EOT
    With SSE-S3 (`AES256`), or SSE-KMS without `kms_master_key_id` (the AWS-managed `aws/s3`
    key), anyone the bucket policy or IAM lets read an object can read it in clear: there is no
    second gate. A customer-managed KMS key adds one (the key policy must also allow
    `kms:Decrypt`), lets the customer cut off all access by disabling the key, and records every
    decryption in CloudTrail. Which key protects the data is the customer's decision under the
    shared responsibility model. Buckets that receive S3 server access logs are not checked,
    since log delivery supports only SSE-S3: a bucket with the `log-delivery-write` ACL, an ACL
    grant to the `LogDelivery` group, a bucket policy naming the `logging.s3.amazonaws.com`
    service, or the `target_bucket` of an `aws_s3_bucket_logging`. Buckets without any declared
    default encryption are reported by `aws-s3-bucket-encryption`. Severity is low: the data is
    encrypted; only control over the key is missing.
  EOT
  remediation = <<-EOT
    Encrypt by default with a customer-managed key (and an S3 Bucket Key to limit KMS requests):

    ```hcl
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
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html",
  ]

  when {
    # Declared default encryption: a bucket without it is another rule's finding.
    any {
      attribute "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm" {
        present = true
      }
      linked "aws_s3_bucket_server_side_encryption_configuration" {
        via   = "bucket"
        match = "bucket"
      }
    }
    # Not a server access log bucket.
    not {
      any {
        attribute "acl" {
          equals = "log-delivery-write"
        }
        linked "aws_s3_bucket_acl" {
          via   = "bucket"
          match = "bucket"
          any {
            attribute "acl" {
              equals = "log-delivery-write"
            }
            some "access_control_policy.grant" {
              attribute "grantee.uri" {
                matches = "/groups/s3/LogDelivery$"
              }
            }
          }
        }
        linked "aws_s3_bucket_policy" {
          via   = "bucket"
          match = "bucket"
          attribute "policy" {
            matches = "logging\\.s3\\.amazonaws\\.com"
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
      attribute "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id" {
        present     = true
        not_matches = "alias/aws/s3$"
      }
      linked "aws_s3_bucket_server_side_encryption_configuration" {
        via   = "bucket"
        match = "bucket"
        attribute "rule.apply_server_side_encryption_by_default.kms_master_key_id" {
          present     = true
          not_matches = "alias/aws/s3$"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {  # expect: aws-s3-bucket-encryption-customer-key
        bucket = "example-data"
      }

      resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
        bucket = aws_s3_bucket.data.id

        rule {
          apply_server_side_encryption_by_default {
            sse_algorithm = "AES256"
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"

        server_side_encryption_configuration {
          rule {
            apply_server_side_encryption_by_default {  # expect: aws-s3-bucket-encryption-customer-key
              sse_algorithm = "aws:kms"
            }
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "data" {
        description         = "example-data bucket"
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

  # The access-log bucket must use SSE-S3.
  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "logs" {
        bucket = "example-access-logs"
      }

      resource "aws_s3_bucket_acl" "logs" {
        bucket = aws_s3_bucket.logs.id
        acl    = "log-delivery-write"
      }

      resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
        bucket = aws_s3_bucket.logs.id

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
      resource "aws_s3_bucket" "logs" {
        bucket = "example-access-logs"
      }

      resource "aws_s3_bucket_policy" "logs" {
        bucket = aws_s3_bucket.logs.id
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { Service = "logging.s3.amazonaws.com" }
            Action    = "s3:PutObject"
            Resource  = "arn:aws:s3:::example-access-logs/*"
          }]
        })
      }

      resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
        bucket = aws_s3_bucket.logs.id

        rule {
          apply_server_side_encryption_by_default {
            sse_algorithm = "AES256"
          }
        }
      }
    EOT
  }
}
