rule "aws-kinesis-stream-encryption" {
  title     = "Kinesis data stream is not encrypted at rest"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_kinesis_stream"]
  aliases   = ["CKV_AWS_43", "AVD-AWS-0064", "aws-kinesis-enable-in-transit-encryption"]

  description = <<-EOT
    Records in a Kinesis data stream (clickstreams, application events, change data capture)
    are kept for the retention period, 24 hours up to a year. With `encryption_type = "NONE"`,
    the default, they are stored unencrypted. Server-side encryption with KMS is transparent to
    producers and consumers that have permission to use the key. Enabling it is the customer's
    setting under the shared responsibility model.
  EOT
  remediation = "Set `encryption_type = \"KMS\"` and `kms_key_id` (a customer-managed key, or `alias/aws/kinesis`) on the `aws_kinesis_stream`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_stream",
    "https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html",
  ]

  assert {
    attribute "encryption_type" {
      equals  = "KMS"
      default = "NONE"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_kinesis_stream" "events" {  # expect: aws-kinesis-stream-encryption
        name             = "events"
        retention_period = 48

        stream_mode_details {
          stream_mode = "ON_DEMAND"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kinesis_stream" "events" {
        name             = "events"
        retention_period = 48
        encryption_type  = "KMS"
        kms_key_id       = "alias/aws/kinesis"

        stream_mode_details {
          stream_mode = "ON_DEMAND"
        }
      }
    EOT
  }
}
