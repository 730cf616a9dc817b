rule "aws-s3-bucket-versioning" {
  title     = "S3 bucket does not have versioning enabled"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_s3_bucket"]
  aliases   = ["CKV_AWS_21", "AVD-AWS-0090", "aws-s3-enable-versioning"]

  description = <<-EOT
    Without versioning, an overwrite or delete of an object is final: a buggy job, a mistaken
    `aws s3 rm --recursive` or ransomware that rewrites objects with encrypted copies destroys the
    data. With versioning S3 keeps the previous versions, which can be restored and expired by a
    lifecycle rule. Durability of the stored bytes is AWS's job; protecting the data against its
    own users' deletes and overwrites is the customer's under the shared responsibility model.
    Versioning is off on new buckets.
  EOT
  remediation = "Add an `aws_s3_bucket_versioning` resource for the bucket with `versioning_configuration { status = \"Enabled\" }`, and a lifecycle rule that expires noncurrent versions to control cost."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
  ]

  assert {
    any {
      # Legacy inline block (deprecated since AWS provider 4.0).
      attribute "versioning.enabled" {
        equals = true
      }
      linked "aws_s3_bucket_versioning" {
        via   = "bucket"
        match = "bucket"
        attribute "versioning_configuration.status" {
          equals = "Enabled"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {  # expect: aws-s3-bucket-versioning
        bucket = "example-data"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {  # expect: aws-s3-bucket-versioning
        bucket = "example-data"
      }

      resource "aws_s3_bucket_versioning" "data" {
        bucket = aws_s3_bucket.data.id

        versioning_configuration {
          status = "Suspended"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_versioning" "data" {
        bucket = aws_s3_bucket.data.id

        versioning_configuration {
          status = "Enabled"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"

        versioning {
          enabled = true
        }
      }
    EOT
  }
}
