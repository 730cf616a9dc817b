rule "aws-transfer-server-ftp" {
  title     = "Transfer Family server accepts plain FTP"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_transfer_server"]

  description = <<-EOT
    FTP sends the user name, the password and every file in clear text. A Transfer Family server
    with `"FTP"` among its `protocols` lets anyone on the network path read the credentials and
    the data, and replay the credentials later; SFTP and FTPS encrypt both. `protocols` defaults
    to `["SFTP"]`, so only an explicit FTP entry is reported. AWS allows FTP only on VPC-internal
    endpoints, which narrows but does not remove the exposure. Choosing the protocols is the
    customer's side of the shared responsibility model. High: credentials and data in clear text.
  EOT
  remediation = <<-EOT
    Offer only encrypted protocols:

        resource "aws_transfer_server" "partners" {
          # ...
          protocols = ["SFTP"]
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/transfer_server#protocols",
    "https://docs.aws.amazon.com/transfer/latest/userguide/create-server-ftp.html",
  ]

  assert {
    attribute "protocols" {
      not_contains = "FTP"
      default      = ["SFTP"]
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_transfer_server" "legacy" {
        endpoint_type          = "VPC"
        protocols              = ["FTP", "FTPS"]  # expect: aws-transfer-server-ftp
        certificate            = "arn:aws:acm:eu-west-1:123456789012:certificate/0f3b1c2d-1234-4abc-9def-0123456789ab"
        identity_provider_type = "API_GATEWAY"
        url                    = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod"
        invocation_role        = "arn:aws:iam::123456789012:role/transfer-idp"
        endpoint_details {
          vpc_id     = "vpc-0123456789abcdef0"
          subnet_ids = ["subnet-0123456789abcdef0"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_transfer_server" "partners" {
        protocols              = ["SFTP"]
        identity_provider_type = "SERVICE_MANAGED"
      }
      resource "aws_transfer_server" "default_protocols" {
        identity_provider_type = "SERVICE_MANAGED"
      }
    EOT
  }
}
