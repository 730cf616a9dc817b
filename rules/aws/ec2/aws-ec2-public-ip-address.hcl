rule "aws-ec2-public-ip-address" {
  title     = "Instance or launch template assigns a public IP address"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
  aliases   = ["CKV_AWS_88", "AVD-AWS-0009", "aws-ec2-no-public-ip"]

  description = <<-EOT
    An instance with a public IPv4 address is directly reachable from the internet; only its
    security groups stand between it and every scanner. Instances are better kept in private
    subnets behind a load balancer, NAT gateway or Session Manager, with public addresses reserved
    for the few hosts that must have one. Which instances are addressable from the internet is the
    customer's network configuration under the shared responsibility model. The rule flags
    `associate_public_ip_address = true` on instances and launch configurations and in the
    `network_interfaces` blocks of launch templates; when the attribute is absent the subnet's
    setting decides (see aws-vpc-subnet-public-ip-on-launch).
  EOT
  remediation = "Remove `associate_public_ip_address = true` (or set it to `false`) and launch the instances in private subnets; publish services through a load balancer."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#associate_public_ip_address",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#network-interfaces",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html",
  ]

  assert {
    attribute "associate_public_ip_address" {
      equals  = false
      default = false
    }
    each "network_interfaces" {
      attribute "associate_public_ip_address" {
        equals  = false
        default = false
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_instance" "web" {
        ami                         = "ami-0123456789abcdef0"
        instance_type               = "t3.micro"
        associate_public_ip_address = true  # expect: aws-ec2-public-ip-address
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_launch_template" "web" {
        image_id      = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        network_interfaces {
          associate_public_ip_address = "true"  # expect: aws-ec2-public-ip-address
          security_groups             = ["sg-0123456789abcdef0"]
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_launch_configuration" "web" {
        image_id                    = "ami-0123456789abcdef0"
        instance_type               = "t3.micro"
        associate_public_ip_address = true  # expect: aws-ec2-public-ip-address
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_launch_template" "app" {
        image_id      = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        network_interfaces {
          associate_public_ip_address = false
          subnet_id                   = "subnet-0123456789abcdef0"
        }
      }

      resource "aws_instance" "app" {
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"
        subnet_id     = "subnet-0123456789abcdef0"
      }
    EOT
  }
}
