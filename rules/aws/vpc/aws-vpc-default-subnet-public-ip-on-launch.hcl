rule "aws-vpc-default-subnet-public-ip-on-launch" {
  title     = "Default subnet keeps giving every instance launched in it a public IP address"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_default_subnet"]

  description = <<-EOT
    AWS creates the default subnets of the default VPC with public IPv4 auto-assignment on, and
    `aws_default_subnet` adopts the subnet as it is: unless the resource sets
    `map_public_ip_on_launch = false`, every instance launched there (by a console wizard, a
    script without a subnet, a compromised role) gets a public address and is reachable from the
    internet wherever a security group allows. Bringing the default subnet under Terraform is the
    moment to turn that off. Subnet design is the customer's network layer under the shared
    responsibility model. High: it exposes hosts directly, as for `aws_subnet`
    (aws-vpc-subnet-public-ip-on-launch).
  EOT
  remediation = <<-EOT
    Turn off public IP auto-assignment on the default subnet:

        resource "aws_default_subnet" "a" {
          availability_zone       = "eu-west-1a"
          map_public_ip_on_launch = false
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_subnet",
    "https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html#default-vpc-components",
  ]

  assert {
    attribute "map_public_ip_on_launch" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_default_subnet" "a" {  # expect: aws-vpc-default-subnet-public-ip-on-launch
        availability_zone = "eu-west-1a"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_default_subnet" "b" {
        availability_zone       = "eu-west-1b"
        map_public_ip_on_launch = true  # expect: aws-vpc-default-subnet-public-ip-on-launch
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_default_subnet" "a" {
        availability_zone       = "eu-west-1a"
        map_public_ip_on_launch = false
      }
    EOT
  }
}
