rule "aws-firehose-delivery-stream-encryption" {
  title     = "Firehose delivery stream does not encrypt buffered data at rest"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_kinesis_firehose_delivery_stream"]
  aliases   = ["CKV_AWS_240"]

  description = <<-EOT
    A Direct PUT delivery stream buffers incoming records (often logs and events with personal
    data) before it delivers them, and keeps them for up to 24 hours when the destination is
    unavailable. They are encrypted in that buffer only when `server_side_encryption` has
    `enabled = true` (default `false`). A stream whose source is a Kinesis data stream
    (`kinesis_source_configuration`) takes its encryption from that stream and is not checked.
    Encryption at rest is the customer's setting under the shared responsibility model. Severity
    is medium: data held briefly without the encryption the customer controls.
  EOT
  remediation = <<-EOT
    Turn on server-side encryption, with a customer-managed key where the data is sensitive:

    ```hcl
    resource "aws_kinesis_firehose_delivery_stream" "events" {
      # ...
      server_side_encryption {
        enabled  = true
        key_type = "CUSTOMER_MANAGED_CMK"
        key_arn  = aws_kms_key.firehose.arn
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_firehose_delivery_stream#server_side_encryption",
    "https://docs.aws.amazon.com/firehose/latest/dev/encryption.html",
  ]

  when {
    attribute "kinesis_source_configuration" {
      present = false
    }
  }

  assert {
    attribute "server_side_encryption.enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_kinesis_firehose_delivery_stream" "events" {  # expect: aws-firehose-delivery-stream-encryption
        name        = "events"
        destination = "extended_s3"

        extended_s3_configuration {
          role_arn   = "arn:aws:iam::111122223333:role/firehose"
          bucket_arn = "arn:aws:s3:::example-events"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_kinesis_firehose_delivery_stream" "events" {
        name        = "events"
        destination = "extended_s3"

        server_side_encryption {
          enabled = false  # expect: aws-firehose-delivery-stream-encryption
        }

        extended_s3_configuration {
          role_arn   = "arn:aws:iam::111122223333:role/firehose"
          bucket_arn = "arn:aws:s3:::example-events"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kinesis_firehose_delivery_stream" "events" {
        name        = "events"
        destination = "extended_s3"

        server_side_encryption {
          enabled  = true
          key_type = "AWS_OWNED_CMK"
        }

        extended_s3_configuration {
          role_arn   = "arn:aws:iam::111122223333:role/firehose"
          bucket_arn = "arn:aws:s3:::example-events"
        }
      }
    EOT
  }

  # Records come from an (encrypted) Kinesis data stream.
  example "good" {
    code = <<-EOT
      resource "aws_kinesis_firehose_delivery_stream" "events" {
        name        = "events"
        destination = "extended_s3"

        kinesis_source_configuration {
          kinesis_stream_arn = "arn:aws:kinesis:eu-west-1:111122223333:stream/events"
          role_arn           = "arn:aws:iam::111122223333:role/firehose"
        }

        extended_s3_configuration {
          role_arn   = "arn:aws:iam::111122223333:role/firehose"
          bucket_arn = "arn:aws:s3:::example-events"
        }
      }
    EOT
  }
}
