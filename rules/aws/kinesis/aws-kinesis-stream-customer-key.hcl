rule "aws-kinesis-stream-customer-key" {
  title     = "Kinesis data stream is encrypted with the AWS-managed key instead of a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_kinesis_stream"]
  aliases   = ["CKV_AWS_185"]

  description = <<-EOT
    A stream with `encryption_type = "KMS"` and `kms_key_id = "alias/aws/kinesis"` is encrypted
    at rest, but with a key whose policy AWS writes: every principal allowed to read the stream
    can decrypt it, the grant cannot be narrowed or revoked at the key, and cross-account
    consumers cannot be given access through it. A customer-managed key adds that control and a
    CloudTrail record of each use. Which key protects the data is the customer's decision under
    the shared responsibility model. Streams without encryption are reported by
    `aws-kinesis-stream-encryption`. Severity is low: the data is encrypted; only control over
    the key is missing.
  EOT
  remediation = <<-EOT
    Encrypt the stream with a customer-managed key:

    ```hcl
    resource "aws_kinesis_stream" "events" {
      # ...
      encryption_type = "KMS"
      kms_key_id      = aws_kms_key.events.arn
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_stream#kms_key_id",
    "https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html",
  ]

  when {
    attribute "encryption_type" {
      equals  = "KMS"
      default = "NONE"
    }
  }

  assert {
    attribute "kms_key_id" {
      present     = true
      not_matches = "alias/aws/kinesis$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_kinesis_stream" "events" {
        name             = "events"
        retention_period = 24
        encryption_type  = "KMS"
        kms_key_id       = "alias/aws/kinesis"  # expect: aws-kinesis-stream-customer-key

        stream_mode_details {
          stream_mode = "ON_DEMAND"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "events" {
        description         = "Kinesis events"
        enable_key_rotation = true
      }

      resource "aws_kinesis_stream" "events" {
        name             = "events"
        retention_period = 24
        encryption_type  = "KMS"
        kms_key_id       = aws_kms_key.events.arn

        stream_mode_details {
          stream_mode = "ON_DEMAND"
        }
      }
    EOT
  }
}
